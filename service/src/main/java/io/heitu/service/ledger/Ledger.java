package io.heitu.service.ledger;

import io.heitu.identity.Enrollment;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ledger port: the service reaches the chaincode only through transaction names and JSON, on
 * the embedded ledger or on a Fabric network. Every call is signed by the acting user.
 */
public interface Ledger {

    /**
     * Endorses, orders and commits a transaction; returns once it is durable (embedded) or committed
     * (Fabric).
     *
     * @throws LedgerException.Rejected the chaincode refused it (its stable code inside)
     * @throws LedgerException.Conflict it lost an MVCC race
     * @throws LedgerException.Unavailable the ledger cannot be reached now
     */
    Committed submit(Enrollment actor, String transaction, String requestJson);

    /** Runs a query against committed state; nothing is written. */
    String evaluate(Enrollment actor, String transaction, String requestJson);

    /**
     * As {@link #submit(Enrollment, String, String)}, with transient data: private inputs (such as a
     * shipment's terms) that reach the chaincode but never the channel; the chaincode puts them in
     * private data collections. Ledgers that keep no private data refuse them.
     */
    default Committed submit(
            Enrollment actor, String transaction, String requestJson, Map<String, byte[]> transientData) {
        if (transientData.isEmpty()) {
            return submit(actor, transaction, requestJson);
        }
        throw new UnsupportedOperationException(kind() + " ledger takes no transient data");
    }

    /** As {@link #evaluate(Enrollment, String, String)}, with transient data (never on the channel). */
    default String evaluate(
            Enrollment actor, String transaction, String requestJson, Map<String, byte[]> transientData) {
        if (transientData.isEmpty()) {
            return evaluate(actor, transaction, requestJson);
        }
        throw new UnsupportedOperationException(kind() + " ledger takes no transient data");
    }

    /** Follows chaincode events of committed transactions after a block, replaying then live. */
    AutoCloseable follow(long afterBlock, Consumer<BlockEvents> listener);

    /**
     * Committed blocks so far: a follower that only needs new events follows from {@code height() - 1}.
     * A ledger that cannot tell answers 0, and its followers replay everything.
     */
    default long height() {
        return 0;
    }

    /** Where a committed transaction sits: the "ledger proof" shown to consumers. */
    Optional<TxProof> proof(String txId);

    /** Recomputes the chain and every signature; names the first bad block. */
    Verification verify();

    /** Which kind of ledger this is, for health and the consumer page. */
    String kind();
}
