package io.heitu.service.ledger;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Questions waiting for a read model to reach a block ({@code ?minHeight=}): the model says
 * {@link #advanced()} after each block it takes in, and every waiter looks at its height again.
 */
public final class BlockWaits {

    private final Object monitor = new Object();

    /** Waits up to {@code wait} for {@code height} to reach {@code block}; whether it did. */
    public boolean await(LongSupplier height, long block, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (monitor) {
            while (height.getAsLong() < block) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** The model's height has changed (it is read again under the same lock, so no wake-up is lost). */
    public void advanced() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
