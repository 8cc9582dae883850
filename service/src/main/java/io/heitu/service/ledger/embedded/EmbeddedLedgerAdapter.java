package io.heitu.service.ledger.embedded;

import io.heitu.identity.Enrollment;
import io.heitu.ledger.embedded.EmbeddedLedger;
import io.heitu.ledger.embedded.LedgerConfig;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.proposal.Proposals;
import io.heitu.ledger.sim.InProcessChaincode;
import io.heitu.service.HeituProperties;
import io.heitu.service.StartupPhases;
import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.Committed;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TxProof;
import io.heitu.service.ledger.Verification;
import io.heitu.service.membership.Membership;
import io.heitu.service.membership.MembershipChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.hyperledger.fabric.shim.Chaincode;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The default ledger: the trace chaincode running in this JVM on the durable embedded ledger, which
 * trusts exactly the organisations' CAs the service holds. Each call is a real signed proposal. The
 * ledger opens in its own start-up step ({@link StartupPhases#OPEN_LEDGER}), after identities are
 * seeded, so its first block trusts them; it closes after every bean that uses it.
 */
@Component
@ConditionalOnProperty(name = "heitu.ledger.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedLedgerAdapter implements Ledger, SmartLifecycle, DisposableBean {

    private static final long COMMIT_TIMEOUT_SECONDS = 60;

    /** Where the contracts are; the chaincode jar is a runtime dependency, found by this name only. */
    private static final String CHAINCODE_PACKAGE = "io.heitu.chaincode";

    private final ReadWriteLock reopening = new ReentrantReadWriteLock();
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final Membership membership;
    private final HeituProperties properties;
    private final Chaincode contracts;
    private final String channel;
    private final String chaincode;
    private volatile EmbeddedLedger ledger;

    EmbeddedLedgerAdapter(HeituProperties properties, Membership membership) {
        this.membership = membership;
        this.properties = properties;
        this.channel = properties.ledger().channel();
        this.chaincode = properties.ledger().chaincode();
        this.contracts = InProcessChaincode.loadPackage(chaincode, CHAINCODE_PACKAGE);
    }

    @Override
    public void start() {
        ledger = open();
    }

    /** Closing waits for {@link #destroy()}: beans stopping after this phase may still read. */
    @Override
    public void stop() {}

    @Override
    public boolean isRunning() {
        return ledger != null;
    }

    @Override
    public int getPhase() {
        return StartupPhases.OPEN_LEDGER;
    }

    private EmbeddedLedger open() {
        HeituProperties.LedgerSettings settings = properties.ledger();
        return EmbeddedLedger.open(
                new LedgerConfig(
                        properties.dataDir().resolve("ledger"),
                        channel,
                        chaincode,
                        membership.trustedCas(),
                        settings.maxBlockTransactions(),
                        settings.maxBlockWait()),
                contracts);
    }

    /**
     * Trusting a new CA is a configuration block, which the ledger records when it opens: close and
     * reopen, with calls held for that moment. Organisations join rarely; transactions never wait
     * otherwise. CAs seeded before the ledger opens need no reopening: the first block records them.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void membershipChanged(MembershipChanged changed) {
        if (ledger == null) {
            return;
        }
        reopening.writeLock().lock();
        try {
            ledger.close();
            ledger = open();
            // Closing ended every subscription: pick each up where it stopped.
            followers.forEach(follower -> follower.subscribe(ledger));
        } finally {
            reopening.writeLock().unlock();
        }
    }

    @Override
    public Committed submit(Enrollment actor, String transaction, String requestJson) {
        return submit(actor, transaction, requestJson, Map.of());
    }

    /** The signed proposal carries the transient values' digests; the values go beside it, never into a block. */
    @Override
    public Committed submit(
            Enrollment actor, String transaction, String requestJson, Map<String, byte[]> transientData) {
        TxResult result;
        reopening.readLock().lock();
        try {
            result = ledger.submit(proposal(actor, transaction, requestJson, transientData), transientData)
                    .get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException.Unavailable("interrupted waiting for commit", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new LedgerException.Unavailable("the embedded ledger did not commit", e);
        } finally {
            reopening.readLock().unlock();
        }
        return switch (result.status()) {
            case VALID ->
                new Committed(text(result.payload()), result.txId(), result.blockNumber(), result.blockHash());
            case MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT, DUPLICATE_TXID ->
                throw new LedgerException.Conflict(result.status().name());
            case ENDORSEMENT_FAILED -> throw LedgerException.Rejected.fromMessage(result.message());
            case BAD_PROPOSAL -> throw new LedgerException.Rejected("FORBIDDEN", result.message());
        };
    }

    @Override
    public String evaluate(Enrollment actor, String transaction, String requestJson) {
        return evaluate(actor, transaction, requestJson, Map.of());
    }

    @Override
    public String evaluate(
            Enrollment actor, String transaction, String requestJson, Map<String, byte[]> transientData) {
        TxResult result;
        reopening.readLock().lock();
        try {
            result = ledger.evaluate(proposal(actor, transaction, requestJson, transientData), transientData);
        } finally {
            reopening.readLock().unlock();
        }
        return switch (result.status()) {
            case VALID -> text(result.payload());
            case ENDORSEMENT_FAILED -> throw LedgerException.Rejected.fromMessage(result.message());
            default -> throw new LedgerException.Rejected("FORBIDDEN", result.message());
        };
    }

    @Override
    public AutoCloseable follow(long afterBlock, Consumer<BlockEvents> listener) {
        Follower follower = new Follower(afterBlock, listener);
        followers.add(follower);
        follower.subscribe(ledger);
        return follower;
    }

    @Override
    public long height() {
        return ledger.height();
    }

    @Override
    public Optional<TxProof> proof(String txId) {
        return ledger.locate(txId)
                .map(location -> new TxProof(
                        location.txId(),
                        location.blockNumber(),
                        location.txIndex(),
                        location.blockHash(),
                        location.committedAt()));
    }

    @Override
    public Verification verify() {
        var report = ledger.verify();
        return new Verification(
                report.ok(),
                report.blocksChecked(),
                report.transactionsChecked(),
                report.firstBadBlock().isPresent() ? report.firstBadBlock().getAsLong() : null,
                report.problem());
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void destroy() throws Exception {
        if (ledger != null) {
            ledger.close();
        }
    }

    private org.hyperledger.fabric.protos.peer.SignedProposal proposal(
            Enrollment actor, String transaction, String json, Map<String, byte[]> transientData) {
        return Proposals.create(actor, channel, chaincode, List.of(transaction, json), transientData, Instant.now());
    }

    /**
     * A follower of chaincode events that outlives a reopen: it remembers the last block delivered
     * and subscribes again from there. A block may be delivered twice around a reopen.
     */
    private final class Follower implements AutoCloseable {
        private final Consumer<BlockEvents> listener;
        private volatile long lastBlock;
        private volatile AutoCloseable subscription;

        Follower(long afterBlock, Consumer<BlockEvents> listener) {
            this.lastBlock = afterBlock;
            this.listener = listener;
        }

        void subscribe(EmbeddedLedger on) {
            subscription = on.subscribe(lastBlock, block -> {
                listener.accept(new BlockEvents(
                        block.blockNumber(),
                        block.events().stream()
                                .map(event -> new BlockEvents.Event(event.txId(), event.name(), text(event.payload())))
                                .toList()));
                lastBlock = block.blockNumber();
            });
        }

        @Override
        public void close() throws Exception {
            followers.remove(this);
            subscription.close();
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
