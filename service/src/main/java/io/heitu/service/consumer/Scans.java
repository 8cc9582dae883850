package io.heitu.service.consumer;

import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.QrSettings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Counts scans of issued codes in memory and writes the changed counters to the database every
 * few seconds, never to the ledger: a scan is a page view, not a business event. A crash loses at
 * most one interval of counts, which only delays a "suspicious" warning by as many scans.
 */
@Component
public class Scans implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(Scans.class);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** Counters kept in memory beyond this many are dropped after a flush (they reload on the next scan). */
    private static final int KEEP = 100_000;

    private final ScanStore store;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scan-flush");
        thread.setDaemon(true);
        return thread;
    });

    Scans(ScanStore store, QrSettings settings) {
        this.store = store;
        long every = settings.scanFlushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** A code's counts after this scan. */
    public record Stats(long count, long afterSoldOut, OffsetDateTime firstAt) {}

    /** Counts one scan; {@code soldOut} when the code's lot had nothing left anywhere at the time. */
    public Stats record(DigitalLink code, boolean soldOut) {
        String key = key(code);
        Counter counter = counters.get(key);
        if (counter == null) {
            // Read outside the map's lock: a database read must not block other codes' scans.
            Counter loaded = store.find(key).map(Counter::new).orElseGet(Counter::new);
            counter = counters.putIfAbsent(key, loaded);
            counter = counter == null ? loaded : counter;
        }
        Stats stats = counter.add(soldOut, Instant.now());
        dirty.add(key);
        return stats;
    }

    /** A code's counts as they stand, this look not counted; null before its first scan. */
    public Stats peek(DigitalLink code) {
        String key = key(code);
        Counter counter = counters.get(key);
        if (counter != null) {
            return counter.stats();
        }
        return store.find(key).map(Counter::new).map(Counter::stats).orElse(null);
    }

    static String key(DigitalLink code) {
        return code.gtin() + "/" + code.lot() + (code.perUnit() ? "/" + code.serial() : "");
    }

    /** Writes every changed counter; a counter changed while writing stays dirty for the next round. */
    public synchronized void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        List<ScanStore.Counts> batch = new ArrayList<>();
        for (String key : List.copyOf(dirty)) {
            dirty.remove(key);
            Counter counter = counters.get(key);
            if (counter != null) {
                batch.add(counter.counts(key));
            }
        }
        try {
            store.save(batch);
        } catch (RuntimeException e) {
            batch.forEach(counts -> dirty.add(counts.codeKey()));
            throw e;
        }
        if (counters.size() > KEEP) {
            counters.keySet().removeIf(key -> !dirty.contains(key));
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not write scan counts; retrying next round: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        flusher.shutdown();
        flushQuietly();
    }

    private static final class Counter {
        private long scans;
        private long afterSoldOut;
        private Instant first;
        private Instant last;

        Counter() {}

        Counter(ScanStore.Counts stored) {
            scans = stored.scans();
            afterSoldOut = stored.afterSoldOut();
            first = stored.firstAt();
            last = stored.lastAt();
        }

        synchronized Stats add(boolean soldOut, Instant now) {
            scans++;
            afterSoldOut += soldOut ? 1 : 0;
            first = first == null ? now.truncatedTo(ChronoUnit.SECONDS) : first;
            last = now;
            return new Stats(scans, afterSoldOut, first.atOffset(CHINA));
        }

        synchronized Stats stats() {
            return first == null ? null : new Stats(scans, afterSoldOut, first.atOffset(CHINA));
        }

        synchronized ScanStore.Counts counts(String key) {
            return new ScanStore.Counts(key, scans, afterSoldOut, first, last);
        }
    }
}
