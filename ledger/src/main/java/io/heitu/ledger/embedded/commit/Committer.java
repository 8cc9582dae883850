package io.heitu.ledger.embedded.commit;

import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.store.LedgerStore;
import io.heitu.ledger.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: orders endorsed transactions into blocks, validates them, appends each block
 * with one fsync and completes the clients' futures only after that (group commit). A block is cut
 * when it is full, or when no transaction is queued and none is being simulated, or when the oldest
 * has waited {@code maxWait}: waiting only while simulations are in flight keeps a lone client fast
 * and lets concurrent clients share one fsync.
 */
public final class Committer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Committer.class);

    private final LedgerStore store;
    private final int maxTransactions;
    private final long maxWaitNanos;
    private final BlockingQueue<Endorsed> queue;
    private final AtomicInteger simulating = new AtomicInteger();
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private final ExecutorService notifier;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;

    public Committer(LedgerStore store, int maxTransactions, long maxWaitNanos) {
        this.store = store;
        this.maxTransactions = maxTransactions;
        this.maxWaitNanos = maxWaitNanos;
        // Bounded, so submitters slow down instead of filling the heap when commits fall behind.
        this.queue = new LinkedBlockingQueue<>(Math.max(1024, 4 * maxTransactions));
        // Futures complete on their own thread: client callbacks must not stall the next block.
        this.notifier = Executors.newSingleThreadExecutor(r -> daemon(r, "ledger-notifier"));
        this.thread = daemon(this::run, "ledger-committer");
        thread.start();
    }

    /** Marks a simulation in progress, so that the block being cut may wait for it. */
    void simulationStarted() {
        simulating.incrementAndGet();
    }

    void simulationEnded() {
        simulating.decrementAndGet();
    }

    CompletableFuture<TxResult> order(byte[] signedProposal, Simulation simulation) {
        CompletableFuture<TxResult> result = new CompletableFuture<>();
        Endorsed tx = new Endorsed(signedProposal, simulation, result);
        closing.readLock().lock();
        try {
            while (!closed && failure == null) {
                if (queue.offer(tx, 10, TimeUnit.MILLISECONDS)) {
                    return result;
                }
            }
            result.completeExceptionally(new IllegalStateException("ledger is closed", failure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        } finally {
            closing.readLock().unlock();
        }
        return result;
    }

    private void run() {
        List<Endorsed> block = List.of();
        try {
            while (!closed || !queue.isEmpty()) {
                block = nextBlock();
                if (!block.isEmpty()) {
                    commit(block);
                }
                block = List.of();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (Exception | Error e) {
            // After a failed fsync nothing about the file can be trusted; stop taking transactions.
            log.error("commit failed; the ledger stops accepting transactions", e);
            failure = e;
        }
        List<Endorsed> left = new ArrayList<>(block);
        closing.writeLock().lock(); // waits out submitters still offering; later ones see the failure
        try {
            queue.drainTo(left);
        } finally {
            closing.writeLock().unlock();
        }
        Throwable cause = failure;
        left.forEach(tx -> tx.result().completeExceptionally(new IllegalStateException("ledger stopped", cause)));
        notifier.shutdown();
    }

    private List<Endorsed> nextBlock() throws InterruptedException {
        List<Endorsed> block = new ArrayList<>();
        Endorsed first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
            return block;
        }
        block.add(first);
        queue.drainTo(block, maxTransactions - block.size());
        long deadline = System.nanoTime() + maxWaitNanos;
        while (block.size() < maxTransactions && simulating.get() > 0) {
            long left = deadline - System.nanoTime();
            Endorsed next = left > 0 ? queue.poll(Math.min(left, 100_000), TimeUnit.NANOSECONDS) : null;
            if (next != null) {
                block.add(next);
                queue.drainTo(block, maxTransactions - block.size());
            } else if (left <= 0) {
                break;
            }
        }
        return block;
    }

    private void commit(List<Endorsed> transactions) throws Exception {
        PendingBlock block = new PendingBlock(transactions, store);
        BlockLocation location = store.append(null, block.stored(), block.effects());
        notifier.execute(() -> block.acknowledge(location));
    }

    /** Commits what is queued, then stops the committer thread. */
    @Override
    public void close() throws InterruptedException {
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        thread.join();
        notifier.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
