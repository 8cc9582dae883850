package io.heitu.ledger.embedded.commit;

import com.google.protobuf.ByteString;
import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.embedded.proposal.BadProposalException;
import io.heitu.ledger.embedded.proposal.ProposalChecker;
import io.heitu.ledger.embedded.store.LedgerStore;
import io.heitu.ledger.sim.Simulation;
import io.heitu.ledger.sim.Simulator;
import io.heitu.ledger.sim.TxProposal;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endorsing peer's part, on the caller's thread: check the proposal, refuse a transaction id
 * seen before, run the chaincode against committed state, and refuse results a peer would not
 * endorse; hand the rest to the committer.
 */
public final class Endorser {

    private static final Logger log = LoggerFactory.getLogger(Endorser.class);

    private final LedgerStore store;
    private final Chaincode chaincode;
    private final ProposalChecker checker;
    private final Committer committer;
    /** Ids between endorsement and commit; the index only knows them once committed. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public Endorser(LedgerStore store, Chaincode chaincode, ProposalChecker checker, Committer committer) {
        this.store = store;
        this.chaincode = chaincode;
        this.checker = checker;
        this.committer = committer;
    }

    public CompletableFuture<TxResult> submit(SignedProposal proposal, Map<String, byte[]> transientData) {
        TxProposal tx;
        try {
            tx = withTransient(checker.check(proposal, Instant.now()).tx(), transientData);
        } catch (BadProposalException e) {
            return CompletableFuture.completedFuture(TxResult.rejected("", TxStatus.BAD_PROPOSAL, 0, e.getMessage()));
        }
        // Claim the id before looking it up: the committer indexes an id before its claim is released.
        if (!inFlight.add(tx.txId())) {
            return CompletableFuture.completedFuture(duplicate(tx.txId()));
        }
        if (store.state().tx(tx.txId()).isPresent()) {
            inFlight.remove(tx.txId());
            return CompletableFuture.completedFuture(duplicate(tx.txId()));
        }
        committer.simulationStarted();
        try {
            Simulation simulation = simulate(tx);
            Optional<TxResult> refused = refusal(simulation);
            if (refused.isPresent()) {
                inFlight.remove(tx.txId());
                return CompletableFuture.completedFuture(refused.get());
            }
            CompletableFuture<TxResult> result = committer.order(proposal.toByteArray(), simulation);
            result.whenComplete((r, e) -> inFlight.remove(tx.txId()));
            return result;
        } finally {
            committer.simulationEnded();
        }
    }

    public TxResult evaluate(SignedProposal proposal, Map<String, byte[]> transientData) {
        TxProposal tx;
        try {
            tx = withTransient(checker.check(proposal, Instant.now()).tx(), transientData);
        } catch (BadProposalException e) {
            return TxResult.rejected("", TxStatus.BAD_PROPOSAL, 0, e.getMessage());
        }
        Simulation simulation = simulate(tx);
        return refusal(simulation).orElseGet(() -> {
            Response response = response(simulation);
            return new TxResult(
                    tx.txId(),
                    TxStatus.VALID,
                    response.getStatus(),
                    response.getMessage(),
                    response.getPayload().toByteArray(),
                    -1,
                    "");
        });
    }

    /**
     * The transaction with its transient values, which must be exactly those whose digests the user
     * signed (see {@link io.heitu.ledger.embedded.proposal.Proposals#create}).
     */
    static TxProposal withTransient(TxProposal signed, Map<String, byte[]> values) throws BadProposalException {
        Map<String, byte[]> digests = signed.transientData();
        if (!digests.keySet().equals(values.keySet())) {
            throw new BadProposalException("transient data does not match the signed proposal");
        }
        for (Map.Entry<String, byte[]> value : values.entrySet()) {
            if (!MessageDigest.isEqual(digests.get(value.getKey()), Hashes.sha256(value.getValue()))) {
                throw new BadProposalException("transient data does not match the signed proposal");
            }
        }
        return new TxProposal(
                signed.channelId(),
                signed.chaincodeName(),
                signed.txId(),
                signed.timestamp(),
                signed.creator(),
                signed.args(),
                values);
    }

    private Simulation simulate(TxProposal tx) {
        Simulation simulation = Simulator.simulate(chaincode, tx, store.state());
        if (simulation.leakedIterators() > 0) {
            log.warn("chaincode left {} range iterators open", simulation.leakedIterators());
        }
        return simulation;
    }

    /** Why a peer would not endorse this simulation, as the client's result; empty to endorse. */
    private static Optional<TxResult> refusal(Simulation simulation) {
        String txId = simulation.proposal().txId();
        Response response = response(simulation);
        if (!simulation.succeeded()) {
            return Optional.of(
                    TxResult.rejected(txId, TxStatus.ENDORSEMENT_FAILED, response.getStatus(), response.getMessage()));
        }
        if (simulation.paginatedQueryUsed() && !simulation.readWriteSet().isReadOnly()) {
            return Optional.of(TxResult.rejected(
                    txId,
                    TxStatus.ENDORSEMENT_FAILED,
                    response.getStatus(),
                    "paginated queries are not allowed in a transaction that writes"));
        }
        return Optional.empty();
    }

    /** The chaincode's response as Fabric's {@code peer.Response}, the form blocks store. */
    static Response response(Simulation simulation) {
        Chaincode.Response response = simulation.response();
        return Response.newBuilder()
                .setStatus(response.getStatusCode())
                .setMessage(response.getMessage() == null ? "" : response.getMessage())
                .setPayload(
                        response.getPayload() == null ? ByteString.EMPTY : ByteString.copyFrom(response.getPayload()))
                .build();
    }

    private static TxResult duplicate(String txId) {
        return TxResult.rejected(txId, TxStatus.DUPLICATE_TXID, 0, "transaction id already submitted");
    }
}
