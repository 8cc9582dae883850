package io.heitu.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Durable event capture through the service's API, beside two floors measured in the same run:
 * the same server's trivial endpoint with the same body (HTTP floor), and the raw store doing
 * equally durable group-committed writes (storage floor). One and sixteen concurrent clients.
 *
 * <p>Usage: {@code CaptureBench <service.jar> [seconds]}
 */
public final class CaptureBench {

    private static final String BAGS = "06901234500035";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private CaptureBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Duration measured = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        Duration warmUp = Duration.ofSeconds(3);
        Path work = Files.createTempDirectory("heitu-bench-");
        List<Load.Figures> rows = new ArrayList<>();
        Instant base = Instant.now().minus(Duration.ofDays(20));
        System.out.println("bench: service log in " + work.resolve("service.log"));
        try (ServiceUnderTest service =
                new ServiceUnderTest(jar, work.resolve("data"), work.resolve("service.log"), "1g")) {
            String token = service.token("grocer");
            for (int clients : new int[] {1, 16}) {
                rows.add(Load.measure("capture (service, durable)", clients, warmUp, measured, (client, seq) -> {
                    String body = observation(base.plusMillis(seq * 7 + clients));
                    return service.send(token, "POST", "/api/events/sensor-readings", body)
                                    .statusCode()
                            == 201;
                }));
                rows.add(Load.measure(
                        "HTTP floor (same server, no ledger)", clients, warmUp, measured, (client, seq) -> {
                            String body = observation(base.plusMillis(seq));
                            return service.send(token, "POST", "/api/bench/noop", body)
                                            .statusCode()
                                    == 201;
                        }));
                Instant batches = base.plus(Duration.ofDays(clients));
                rows.add(Load.measure(
                        "capture batch of " + BATCH + " (events/s)",
                        clients,
                        warmUp,
                        measured,
                        BATCH,
                        (client, seq) -> {
                            String body = batch(batches.plusMillis(seq * BATCH * 3));
                            return service.send(token, "POST", "/api/events/batch", body)
                                            .statusCode()
                                    == 201;
                        }));
                rows.add(Load.measure(
                        "HTTP floor, same batch body (events/s)", clients, warmUp, measured, BATCH, (client, seq) -> {
                            String body = batch(batches.plusMillis(seq));
                            return service.send(token, "POST", "/api/bench/noop", body)
                                            .statusCode()
                                    == 201;
                        }));
            }
        }
        try (StorageFloor floor = new StorageFloor(work.resolve("rocksdb"))) {
            byte[] value = observation(base).repeat(3).getBytes(StandardCharsets.UTF_8);
            for (int clients : new int[] {1, 16}) {
                rows.add(Load.measure(
                        "storage floor (RocksDB, fsync'ed batches)", clients, warmUp, measured, (client, seq) -> {
                            floor.put(("k" + clients + "-" + seq).getBytes(StandardCharsets.UTF_8), value);
                            return true;
                        }));
            }
        }
        print(rows);
    }

    static final int BATCH = 50;

    /** {@link #BATCH} readings in one request, recorded in one transaction. */
    static String batch(Instant first) {
        StringBuilder body = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"action\":\"observe\",\"request\":")
                    .append(observation(first.plusMillis(i))
                            .replace("{\"lots\"", "{\"bizStep\":\"sensor_reporting\",\"lots\""))
                    .append('}');
        }
        return body.append("]}").toString();
    }

    /** A store-room reading on the demo bags the supermarket holds: a new event every call. */
    static String observation(Instant time) {
        String at = TIME.format(time.atOffset(ZoneOffset.ofHours(8)));
        return "{\"lots\":[{\"gtin\":\"" + BAGS + "\",\"lotCode\":\"R5-2026-1005\"}],\"eventTime\":\"" + at
                + "\",\"sensorReadings\":[{\"type\":\"Temperature\",\"value\":4.5,\"time\":\"" + at
                + "\",\"deviceId\":\"TRUCK-JL-A1234\"}]}";
    }

    private static void print(List<Load.Figures> rows) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-44s %7s %10s %9s %9s %7s%n",
                "scenario",
                "clients",
                "ops/s",
                "p50 ms",
                "p99 ms",
                "errors");
        for (Load.Figures row : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %7d %10.0f %9.2f %9.2f %7d%n",
                    row.scenario(),
                    row.clients(),
                    row.perSecond(),
                    row.p50Millis(),
                    row.p99Millis(),
                    row.errors());
        }
        System.out.println();
        for (int clients : new int[] {1, 16}) {
            double capture = find(rows, "capture (", clients);
            double batch = find(rows, "capture batch", clients);
            System.out.printf(
                    Locale.ROOT,
                    "clients=%-3d one event per request: capture / HTTP floor = %.2f, capture / storage floor = %.2f%n",
                    clients,
                    capture / find(rows, "HTTP floor (", clients),
                    capture / find(rows, "storage floor", clients));
            System.out.printf(
                    Locale.ROOT,
                    "clients=%-3d %d events per request: capture / HTTP floor = %.2f, capture / storage floor = %.2f%n",
                    clients,
                    BATCH,
                    batch / find(rows, "HTTP floor, same batch", clients),
                    batch / find(rows, "storage floor", clients));
        }
    }

    private static double find(List<Load.Figures> rows, String prefix, int clients) {
        return rows.stream()
                .filter(row -> row.scenario().startsWith(prefix) && row.clients() == clients)
                .findFirst()
                .orElseThrow()
                .perSecond();
    }
}
