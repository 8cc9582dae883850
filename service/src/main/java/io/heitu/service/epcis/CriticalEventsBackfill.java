package io.heitu.service.epcis;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills in what recall reports list of the events a data directory held before the read model kept
 * it (migration V7), from their documents, in the background after start-up: reports are right
 * meanwhile (they read such events from the document), only slower.
 */
@Component
class CriticalEventsBackfill implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(CriticalEventsBackfill.class);
    /** Events per database transaction: the store's lock is let go between batches, for the feed. */
    private static final int BATCH = 1_000;

    private final EventStore store;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "epcis-critical-backfill");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    CriticalEventsBackfill(EventStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        worker.execute(this::fill);
    }

    private void fill() {
        long filled = 0;
        try {
            for (int batch = store.fillCriticalEvents(BATCH);
                    batch > 0 && !closed;
                    batch = store.fillCriticalEvents(BATCH)) {
                filled += batch;
            }
        } catch (RuntimeException e) {
            // Reports keep reading the rest from the documents; the next start tries again.
            LOG.warn("filling in recall report facts stopped after {} events: {}", filled, e.toString());
            return;
        }
        if (filled > 0) {
            LOG.info("filled in recall report facts of {} events stored before they were kept", filled);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        closed = true;
        // No interrupt (shutdownNow): one during H2's FileChannel write closes the channel and the
        // store with it; the loop stops on `closed` after its batch.
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
