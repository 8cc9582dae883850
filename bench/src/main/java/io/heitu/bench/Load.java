package io.heitu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load: {@code clients} threads each run one operation after another for a warm-up and
 * then a measured period; latencies go into an HdrHistogram.
 */
final class Load {

    /** One operation; returns false when it failed (failures are counted, not timed). */
    interface Operation {
        boolean run(int client, long sequence) throws Exception;
    }

    record Figures(String scenario, int clients, double perSecond, double p50Millis, double p99Millis, long errors) {}

    static Figures measure(String scenario, int clients, Duration warmUp, Duration measured, Operation operation)
            throws Exception {
        return measure(scenario, clients, warmUp, measured, 1, operation);
    }

    /** As above, where one operation carries {@code perOperation} items (a batch): the rate counts items. */
    static Figures measure(
            String scenario, int clients, Duration warmUp, Duration measured, int perOperation, Operation operation)
            throws Exception {
        Recorder recorder = new Recorder(3_600_000_000L, 3);
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Callable<Long>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(() -> {
                long done = 0;
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        return done;
                    }
                    boolean ok = operation.run(client, sequence.incrementAndGet());
                    long after = System.nanoTime();
                    if (before >= measureFrom) {
                        if (ok) {
                            recorder.recordValue(Math.max(1, (after - before) / 1_000));
                            done++;
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            });
        }
        long total = 0;
        for (Future<Long> future : pool.invokeAll(workers)) {
            total += future.get();
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        var histogram = recorder.getIntervalHistogram();
        double seconds = measured.toNanos() / 1e9;
        return new Figures(
                scenario,
                clients,
                total * perOperation / seconds,
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                errors.get());
    }
}
