package io.heitu.ledger.embedded.blocks;

import io.heitu.ledger.sim.PrivateWrite;
import io.heitu.ledger.sim.Write;
import java.time.Instant;
import java.util.List;

/**
 * What committing one ordered transaction changes: its index entry and, when valid, its writes and
 * the private values it wrote (kept in the private store, never in the block).
 */
public record TxEffect(
        String txId, Instant timestamp, int validationCode, List<Write> writes, List<PrivateWrite> privateWrites) {

    public TxEffect {
        writes = List.copyOf(writes);
        privateWrites = List.copyOf(privateWrites);
    }

    /** A transaction as replayed from a block: its private values are already in the private store. */
    public TxEffect(String txId, Instant timestamp, int validationCode, List<Write> writes) {
        this(txId, timestamp, validationCode, writes, List.of());
    }
}
