package io.heitu.ledger.embedded;

import io.heitu.ledger.sim.Write;
import java.time.Instant;
import java.util.List;

/** What committing one ordered transaction changes: its index entry and, when valid, its writes. */
record TxEffect(String txId, Instant timestamp, int validationCode, List<Write> writes) {

    TxEffect {
        writes = List.copyOf(writes);
    }
}
