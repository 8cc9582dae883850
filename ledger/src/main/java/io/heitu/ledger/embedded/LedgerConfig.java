package io.heitu.ledger.embedded;

import io.heitu.ledger.embedded.blocks.ChannelConfig;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to open an embedded ledger.
 *
 * @param dataDir where the block file and the state store live; created when missing
 * @param channel the channel name proposals must carry; fixed for the life of the data directory
 * @param chaincodeName the chaincode name proposals must carry
 * @param trustedCas per MSP id, the CA certificates its members' certificates must chain to; a
 *     change is recorded as a new configuration block when the ledger is opened
 * @param maxBlockTransactions at most this many transactions per block (e.g. 500)
 * @param maxBlockWait how long a block may wait for transactions still being simulated (e.g. 2 ms)
 */
public record LedgerConfig(
        Path dataDir,
        String channel,
        String chaincodeName,
        Map<String, List<X509Certificate>> trustedCas,
        int maxBlockTransactions,
        Duration maxBlockWait) {

    public LedgerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        requireName(channel, "channel");
        requireName(chaincodeName, "chaincodeName");
        if (trustedCas.isEmpty()) {
            throw new IllegalArgumentException("trustedCas must name at least one MSP");
        }
        Map<String, List<X509Certificate>> copy = new HashMap<>();
        trustedCas.forEach((msp, cas) -> {
            if (cas.isEmpty()) {
                throw new IllegalArgumentException("MSP " + msp + " has no CA certificate");
            }
            copy.put(msp, List.copyOf(cas));
        });
        trustedCas = Map.copyOf(copy);
        if (maxBlockTransactions < 1) {
            throw new IllegalArgumentException("maxBlockTransactions must be at least 1");
        }
        if (maxBlockWait.isNegative()) {
            throw new IllegalArgumentException("maxBlockWait must not be negative");
        }
    }

    /** The usual settings: blocks of up to 500 transactions, waiting at most 2 ms to fill. */
    public static LedgerConfig of(
            Path dataDir, String channel, String chaincodeName, Map<String, List<X509Certificate>> trustedCas) {
        return new LedgerConfig(dataDir, channel, chaincodeName, trustedCas, 500, Duration.ofMillis(2));
    }

    /** The channel configuration these settings describe: what a configuration block records. */
    ChannelConfig channelConfig() {
        return new ChannelConfig(channel, chaincodeName, new TreeMap<>(trustedCas));
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
