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
 *
 * <p>Besides the requests, each code keeps the distinct clients and places ({@link ScanClient})
 * that scanned it, at most {@value #TAGS} of each: what the verdict goes by, since one client can
 * send any number of requests but cannot be in many networks.
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

    /** Distinct clients and places kept per code; more than any verdict threshold needs. */
    static final int TAGS = 256;

    /**
     * A code's counts after this scan: requests, and the distinct clients and places (networks)
     * they came from, between {@code firstAt} and {@code lastAt}.
     */
    public record Stats(
            long count,
            long afterSoldOut,
            OffsetDateTime firstAt,
            int clients,
            int places,
            int clientsAfterSoldOut,
            OffsetDateTime lastAt) {

        /** Whole days from the first scan to the last, at least one. */
        public long days() {
            if (firstAt == null || lastAt == null) {
                return 1;
            }
            return Math.max(1, (java.time.Duration.between(firstAt, lastAt).toHours() + 23) / 24);
        }
    }

    /** Counts one scan; {@code soldOut} when the code's lot had nothing left anywhere at the time. */
    public Stats record(DigitalLink code, boolean soldOut, ScanClient client) {
        String key = key(code);
        Counter counter = counters.get(key);
        if (counter == null) {
            // Read outside the map's lock: a database read must not block other codes' scans.
            Counter loaded = store.find(key).map(Counter::new).orElseGet(Counter::new);
            counter = counters.putIfAbsent(key, loaded);
            counter = counter == null ? loaded : counter;
        }
        Stats stats = counter.add(soldOut, client, Instant.now());
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
        private final Tags clients;
        private final Tags places;
        private final Tags clientsAfterSoldOut;

        Counter() {
            clients = new Tags(null);
            places = new Tags(null);
            clientsAfterSoldOut = new Tags(null);
        }

        Counter(ScanStore.Counts stored) {
            scans = stored.scans();
            afterSoldOut = stored.afterSoldOut();
            first = stored.firstAt();
            last = stored.lastAt();
            clients = new Tags(stored.clients());
            places = new Tags(stored.places());
            clientsAfterSoldOut = new Tags(stored.clientsAfterSoldOut());
        }

        synchronized Stats add(boolean soldOut, ScanClient client, Instant now) {
            scans++;
            afterSoldOut += soldOut ? 1 : 0;
            if (client != null) {
                clients.add(client.client());
                places.add(client.place());
                if (soldOut) {
                    clientsAfterSoldOut.add(client.client());
                }
            }
            first = first == null ? now.truncatedTo(ChronoUnit.SECONDS) : first;
            last = now;
            return stats();
        }

        synchronized Stats stats() {
            return first == null
                    ? null
                    : new Stats(
                            scans,
                            afterSoldOut,
                            first.atOffset(CHINA),
                            clients.size(),
                            places.size(),
                            clientsAfterSoldOut.size(),
                            (last == null ? first : last).atOffset(CHINA));
        }

        synchronized ScanStore.Counts counts(String key) {
            return new ScanStore.Counts(
                    key,
                    scans,
                    afterSoldOut,
                    first,
                    last,
                    clients.bytes(),
                    places.bytes(),
                    clientsAfterSoldOut.bytes());
        }
    }

    /** A small set of 8-byte tags, kept in arrival order, at most {@value #TAGS}. */
    private static final class Tags {
        private long[] tags;
        private int size;

        Tags(byte[] stored) {
            int count = stored == null ? 0 : Math.min(TAGS, stored.length / Long.BYTES);
            tags = new long[Math.max(4, count)];
            java.nio.ByteBuffer buffer = stored == null ? null : java.nio.ByteBuffer.wrap(stored);
            for (int i = 0; i < count; i++) {
                tags[size++] = buffer.getLong();
            }
        }

        void add(long tag) {
            for (int i = 0; i < size; i++) {
                if (tags[i] == tag) {
                    return;
                }
            }
            if (size == TAGS) {
                return;
            }
            if (size == tags.length) {
                tags = java.util.Arrays.copyOf(tags, Math.min(TAGS, tags.length * 2));
            }
            tags[size++] = tag;
        }

        int size() {
            return size;
        }

        byte[] bytes() {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(size * Long.BYTES);
            for (int i = 0; i < size; i++) {
                buffer.putLong(tags[i]);
            }
            return buffer.array();
        }
    }
}
