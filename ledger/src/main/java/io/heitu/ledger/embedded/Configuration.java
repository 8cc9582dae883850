package io.heitu.ledger.embedded;

import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.blocks.ChannelConfig;
import io.heitu.ledger.embedded.store.LedgerStore;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the requested configuration on the ledger: the genesis block for a new ledger, a new
 * configuration block when the trusted CAs or the chaincode name changed. Runs before the committer
 * starts, so it is the only writer.
 */
final class Configuration {

    private static final Logger log = LoggerFactory.getLogger(Configuration.class);

    private Configuration() {}

    static void apply(LedgerStore store, ChannelConfig wanted) throws IOException {
        ChannelConfig current = store.config();
        if (current != null && !current.channel().equals(wanted.channel())) {
            throw new IllegalArgumentException(
                    "the ledger holds channel " + current.channel() + ", not " + wanted.channel());
        }
        if (current == null || !Arrays.equals(current.encode(), wanted.encode())) {
            BlockLocation block = store.append(wanted, List.of(), List.of());
            log.info("configuration recorded in block {}", block.number());
        }
    }
}
