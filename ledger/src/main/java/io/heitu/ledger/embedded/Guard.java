package io.heitu.ledger.embedded;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps calls out of closed native resources: RocksDB handles used after close crash the JVM rather
 * than throw. Every operation runs under the read lock; closing takes the write lock, so it waits
 * for running operations, and later ones fail with {@link IllegalStateException}.
 */
final class Guard {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    <T> T call(Supplier<T> operation) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the ledger is closed");
            }
            return operation.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code closer} once, after every running operation has finished. */
    void close(Runnable closer) {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                closer.run();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
