package io.heitu.service.ledger;

import io.heitu.service.ledger.wire.Recorded;
import io.heitu.service.ledger.wire.Recordings;

/**
 * A committed transaction as {@link TraceLedger} answers it: the chaincode's answer decoded once
 * ({@code answer}), the same answer as the chaincode's JSON ({@code json}, the REST body as is) and
 * where it was committed.
 */
public record Receipt<T>(T answer, String json, String txId, long blockNumber, String blockHash) {

    Receipt(T answer, Committed committed) {
        this(answer, committed.json(), committed.txId(), committed.blockNumber(), committed.blockHash());
    }

    /**
     * Whether the ledger already held what was recorded, so nothing changed: the event of a
     * recording, every event of a batch or capture. Other transactions always change something.
     */
    public boolean duplicate() {
        if (answer instanceof Recorded recorded) {
            return recorded.duplicate();
        }
        if (answer instanceof Recordings recordings) {
            return recordings.allDuplicates();
        }
        return false;
    }
}
