package io.heitu.ledger.embedded;

import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.embedded.commit.Committer;
import io.heitu.ledger.embedded.commit.Endorser;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.proposal.ProposalChecker;
import io.heitu.ledger.embedded.store.LedgerStore;
import io.heitu.ledger.embedded.verify.Verifier;
import io.heitu.ledger.embedded.verify.VerifyReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * A single-peer Fabric ledger in-process: the chaincode's contracts run through Fabric's
 * {@code ContractRouter} against a durable local store, with Fabric's transaction flow: simulate
 * (on the caller's thread, in parallel) → order (one writer, many transactions per block) → MVCC
 * validation → commit.
 *
 * <p>Storage: an append-only block file is the source of truth. Blocks are hash-chained (SHA-256 over
 * number, commit time, previous hash and data hash) and every transaction keeps the client's signed
 * proposal, so the creator's certificate and signature travel with it. A block is fsync'ed before any
 * of its clients is acknowledged, one fsync per block. World state, key history and the transaction
 * index live in RocksDB, derived from the blocks and rebuilt from them on open after a crash.
 *
 * <p>Block 0 is a configuration block recording the channel, the chaincode and the trusted CAs, so
 * {@link #verify()} and {@link VerifyCommand} need nothing but the data directory.
 *
 * <p>Thread-safe. Every method except {@link #close()} may be called concurrently.
 */
public final class EmbeddedLedger implements AutoCloseable {

    private final LedgerStore store;
    private final Committer committer;
    private final Endorser endorser;
    private final Guard guard = new Guard();
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    private EmbeddedLedger(LedgerStore store, Chaincode chaincode, LedgerConfig config) {
        this.store = store;
        this.committer = new Committer(
                store, config.maxBlockTransactions(), config.maxBlockWait().toNanos());
        this.endorser = new Endorser(store, chaincode, new ProposalChecker(store.config()), committer);
    }

    /**
     * Opens (or creates) the ledger in {@code config.dataDir()}, first recovering from any crash:
     * blocks the state store had not applied are replayed and a torn last record is dropped.
     *
     * @throws UncheckedIOException when the data directory cannot be opened or is damaged
     * @throws IllegalArgumentException when the data directory belongs to another channel
     */
    public static EmbeddedLedger open(LedgerConfig config, Chaincode chaincode) {
        LedgerStore store;
        try {
            store = LedgerStore.open(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open ledger in " + config.dataDir(), e);
        }
        try {
            Configuration.apply(store, config.channelConfig());
            return new EmbeddedLedger(store, chaincode, config);
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot configure ledger in " + config.dataDir(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Verifies signature, creator (its certificate chains to a trusted CA of its MSP and has not
     * expired) and transaction id, simulates, orders, validates and commits. Completes only after the
     * block holding the transaction is fsync'ed; completes at once, unordered, when the proposal is
     * bad, its id was seen before, or the chaincode returns an error. Completes exceptionally only
     * when the ledger stops (closed, or a disk failure) before the transaction is committed.
     */
    public CompletableFuture<TxResult> submit(SignedProposal proposal) {
        return submit(proposal, Map.of());
    }

    /**
     * As {@link #submit(SignedProposal)}, with transient data: the values whose SHA-256 digests the
     * signed proposal carries (see {@link io.heitu.ledger.embedded.proposal.Proposals}). They reach the
     * chaincode and never a block; a value that does not match its digest is a bad proposal.
     */
    public CompletableFuture<TxResult> submit(SignedProposal proposal, Map<String, byte[]> transientData) {
        return guard.call(() -> endorser.submit(proposal, transientData));
    }

    /** Same checks as {@link #submit}, then simulation against committed state only; nothing is ordered. */
    public TxResult evaluate(SignedProposal proposal) {
        return evaluate(proposal, Map.of());
    }

    /** As {@link #evaluate(SignedProposal)}, with transient data as for {@link #submit(SignedProposal, Map)}. */
    public TxResult evaluate(SignedProposal proposal, Map<String, byte[]> transientData) {
        return guard.call(() -> endorser.evaluate(proposal, transientData));
    }

    /**
     * Delivers the chaincode events of valid transactions block by block, starting with the block
     * after {@code afterBlock}: committed blocks first, then new ones as they commit. Every block is
     * delivered, with or without events, so a read model can checkpoint the last block it handled and
     * resubscribe from there. Block 0 (configuration) has no events: pass 0 to start from the
     * beginning. The listener runs on the subscription's own thread; a listener that throws ends
     * its subscription. Closing the returned handle stops delivery.
     */
    public AutoCloseable subscribe(long afterBlock, Consumer<BlockEvents> listener) {
        return guard.call(() -> {
            Subscription subscription = new Subscription(store, guard, afterBlock, listener, subscriptions::remove);
            subscriptions.add(subscription);
            return subscription;
        });
    }

    /** The number of committed blocks, configuration blocks included. */
    public long height() {
        return store.height();
    }

    /** Where a committed valid transaction is; empty for unknown and for invalid transactions. */
    public Optional<TxLocation> locate(String txId) {
        return guard.call(() -> store.state()
                .tx(txId)
                .filter(entry -> entry.validationCode() == TxValidationCode.VALID_VALUE)
                .flatMap(entry -> store.location(entry.blockNumber())
                        .map(block -> new TxLocation(
                                txId,
                                entry.blockNumber(),
                                entry.txIndex(),
                                Hashes.hex(block.hash()),
                                Instant.ofEpochMilli(block.committedAtMillis())))));
    }

    /**
     * Recomputes every block hash, the chain links, each transaction's signature, creator and id,
     * and checks the state and history against the valid transactions' writes, as of the moment it
     * starts; names the first bad block.
     */
    public VerifyReport verify() {
        return guard.call(() -> {
            try {
                return Verifier.verify(store);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the ledger", e);
            }
        });
    }

    /** The store underneath, for tests and tools in this package. */
    LedgerStore store() {
        return store;
    }

    /**
     * Commits the transactions already accepted, stops the subscriptions and closes the stores.
     * Calls made after, or still waiting for, the close fail with {@link IllegalStateException}.
     */
    @Override
    public void close() {
        // Stop subscriptions first: one waiting to read would otherwise wait for the close itself.
        subscriptions.forEach(Subscription::stop);
        guard.close(() -> {
            try {
                committer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                store.close();
            }
        });
        for (Subscription subscription : subscriptions) {
            try {
                subscription.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
