package io.heitu.ledger.embedded.blocks;

import io.heitu.ledger.sim.Write;
import java.time.Instant;
import java.util.List;

/** What committing one ordered transaction changes: its index entry and, when valid, its writes. */
public record TxEffect(String txId, Instant timestamp, int validationCode, List<Write> writes) {

    public TxEffect {
        writes = List.copyOf(writes);
    }
}
