package io.heitu.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers that record paddy harvests of lots of their own, one after another, while a test breaks
 * something: every 201 is an acknowledged write, every 503 must say when to come back, and any
 * other answer (a 500, a refusal) is collected as unexpected (the writers stop after 20 of them).
 * Lot codes are the prefix, "-" and a counter, plot ids the prefix, "-P" and the writer's number:
 * keep prefixes to 14 characters (lot codes ≤ 20).
 * Closing stops the writers.
 */
public final class WriteLoad implements AutoCloseable {

    public static final String PADDY = "06901234500011";

    private final Api api;
    private final String user;
    private final String prefix;
    private final ExecutorService writers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    private WriteLoad(Api api, String user, String prefix, int threads) {
        this.api = api;
        this.user = user;
        this.prefix = prefix;
        this.writers = Executors.newFixedThreadPool(threads);
        for (int i = 1; i <= threads; i++) {
            String plot = prefix + "-P" + i;
            writers.submit(() -> write(plot));
        }
    }

    /** Starts {@code threads} writers as {@code user} (a producer, or a token of one). */
    public static WriteLoad start(Api api, String user, String prefix, int threads) {
        return new WriteLoad(api, user, prefix, threads);
    }

    /**
     * Each writer harvests on a plot of its own: a harvest reads the season's harvests of its plot
     * (the yield bound), so harvests on one plot at the same moment are a real conflict that Fabric
     * answers with an MVCC refusal — not the fault these writers are there to live through.
     */
    private void write(String plot) {
        if (!register(plot)) {
            return;
        }
        while (running.get()) {
            String lot = prefix + "-" + counter.incrementAndGet();
            try {
                Api.Response response = api.post(user, "/api/lots/harvests", harvest(lot, plot));
                if (response.status() == 201) {
                    acknowledged.add(lot);
                } else if (response.status() == 503
                        && response.headers().firstValue("Retry-After").isPresent()) {
                    unavailable.incrementAndGet();
                    pause(200);
                } else if (unexpected.size() < 20) {
                    String body = response.body();
                    unexpected.add(
                            lot + ": " + response.status() + " " + body.substring(0, Math.min(300, body.length())));
                } else {
                    running.set(false);
                }
            } catch (RuntimeException connectionLost) {
                // The service itself went away (a test killed it): not an answer, not acknowledged.
                unavailable.incrementAndGet();
                pause(200);
            }
        }
    }

    private boolean register(String plot) {
        Api.Response response = api.post(
                user,
                "/api/locations",
                Map.of(
                        "id",
                        plot,
                        "kind",
                        "plot",
                        "nameZh",
                        "压力试验地块 " + plot,
                        "areaMu",
                        1000,
                        "address",
                        Map.of("county", "舒兰市")));
        if (response.status() != 201) {
            unexpected.add(plot + ": plot not registered: " + response.status() + " " + response.body());
            return false;
        }
        return true;
    }

    private static Map<String, Object> harvest(String lot, String plot) {
        String time = OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusDays(3)
                .withHour(9)
                .withMinute(0)
                .withSecond(0)
                .withNano(0)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return Map.of(
                "gtin",
                PADDY,
                "lotCode",
                lot,
                "quantity",
                Map.of("value", 10, "uom", "KGM"),
                "plotId",
                plot,
                "eventTime",
                time);
    }

    /** Waits until at least {@code count} writes in all are acknowledged; fails after the timeout. */
    public WriteLoad awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.size() < count) {
            assertThat(System.nanoTime())
                    .as(
                            "%d acknowledged writes within %s (have %d; unexpected: %s)",
                            count, timeout, acknowledged.size(), unexpected)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
        return this;
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    public List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** 503 answers (with Retry-After) and lost connections so far. */
    public int unavailable() {
        return unavailable.get();
    }

    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        writers.shutdown();
        if (!writers.awaitTermination(90, TimeUnit.SECONDS)) {
            writers.shutdownNow();
        }
    }
}
