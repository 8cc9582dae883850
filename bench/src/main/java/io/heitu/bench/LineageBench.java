package io.heitu.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lineage and recall reports through the service on the embedded ledger, beside a baseline measured
 * in the same run (one {@code lot:Get} through the same endpoint stack).
 *
 * <p>Builds a diamond of 10,101 connected paddy lots: one harvest split into 100 lots, each split
 * into 99 (9,900 lots), merged back by hundreds into 99, and 48 of those into one (a lot may be made
 * from at most 5,000 lots). The forward lineage of the harvest reaches the 10,100 others, the
 * backward lineage of the last merge 4,898. Lineage is timed from the graph read model and from the
 * chaincode's own traversal ({@code lot:Lineage}), with the read model's catch-up and a rebuild
 * from block 0. Then records
 * 100,000 storage observations of one merged lot (LB-C98) spread over the last 29 days, waits until the EPCIS
 * read model holds them, and times the 30-day recall report of the harvest (every lot downstream
 * with its holders, and every event of them in the window).
 *
 * <p>Usage: {@code LineageBench <service.jar> [runs]}
 */
public final class LineageBench {

    private static final String PADDY = "06901234500011";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final int EVENTS = 100_000;
    private static final int PER_BATCH = 500;
    private static final int FINAL_MERGE = 48;
    /**
     * The lot observed 100,000 times: a merge outside the last one, made from 103 lots. Every use
     * of a lot resolves its standing through all its ancestors, so observing the last merge (4,898)
     * would time the chaincode's hold resolution, not the reports.
     */
    private static final String OBSERVED = "LB-C98";
    /** Lots the backward lineage of the last merge reaches: 48 merges, 4,800 splits, 49 splits, the harvest. */
    private static final int BACKWARD = FINAL_MERGE + FINAL_MERGE * 100 + 49 + 1;

    /** {@code cpu}: the service's CPU time per timed run (all its threads), which load on the machine inflates far less than wall time. */
    private record Row(String scenario, long size, int runs, double p50, double p99, double cpu, long bytes) {}

    /** The block of the last write the bench made: what the graph read model must reach. */
    private static long lastBlock;

    private LineageBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean fabric = args.length > 2 && args[2].equals("fabric");
        Path work = Files.createTempDirectory("heitu-lineage-");
        System.out.println("bench: service log in " + work.resolve("service.log"));
        List<Row> rows = new ArrayList<>();
        try (ServiceUnderTest service = new ServiceUnderTest(
                jar,
                work.resolve("data"),
                work.resolve("service.log"),
                "2g",
                fabric ? FabricBench.serviceArguments() : List.of())) {
            String farmer = service.token("farmer");
            String regulator = service.token("regulator");
            Instant start = Instant.now();
            int lots = buildDiamond(service, farmer);
            System.out.printf(Locale.ROOT, "bench: %d connected lots built in %d s%n", lots, seconds(start));
            String root = "/api/lots/" + PADDY + "/LB-R";
            String last = "/api/lots/" + PADDY + "/LB-F";
            start = Instant.now();
            awaitGraph(service, regulator, lastBlock);
            System.out.printf(
                    Locale.ROOT,
                    "bench: lineage graph read model at block %d %d ms after the last commit%n",
                    lastBlock,
                    Duration.between(start, Instant.now()).toMillis());
            rows.add(time(service, regulator, "baseline: one lot (lot:Get)", 1, runs * 10, root));
            String graphRoot = "/api/graph/lots/" + PADDY + "/LB-R";
            String graphLast = "/api/graph/lots/" + PADDY + "/LB-F";
            rows.add(time(
                    service,
                    regulator,
                    "graph: forward + backward, JSON, all pages",
                    lots - 1 + BACKWARD,
                    runs,
                    graphRoot + "/lineage?direction=forward&pageSize=10000",
                    graphRoot + "/lineage?direction=forward&pageSize=10000&offset=10000",
                    graphLast + "/lineage?direction=backward&pageSize=10000",
                    graphLast + "/lineage?direction=backward&pageSize=10000&offset=10000"));
            rows.add(time(
                    service,
                    regulator,
                    "graph: forward + backward, compact JSON",
                    lots - 1 + BACKWARD,
                    runs,
                    graphRoot + "/lineage?direction=forward&pageSize=10000&shape=compact",
                    graphRoot + "/lineage?direction=forward&pageSize=10000&offset=10000&shape=compact",
                    graphLast + "/lineage?direction=backward&pageSize=10000&shape=compact",
                    graphLast + "/lineage?direction=backward&pageSize=10000&offset=10000&shape=compact"));
            rows.add(time(
                    service,
                    regulator,
                    "graph: lineage forward, JSON, all pages",
                    lots - 1,
                    runs,
                    graphRoot + "/lineage?direction=forward&pageSize=10000",
                    graphRoot + "/lineage?direction=forward&pageSize=10000&offset=10000"));
            rows.add(time(
                    service,
                    regulator,
                    "graph: lineage backward, JSON, all pages",
                    BACKWARD,
                    runs,
                    graphLast + "/lineage?direction=backward&pageSize=10000",
                    graphLast + "/lineage?direction=backward&pageSize=10000&offset=10000"));
            rows.add(time(
                    service,
                    regulator,
                    "graph: one page of 1000 from the middle",
                    1000,
                    runs * 3,
                    graphRoot + "/lineage?direction=forward&pageSize=1000&offset=5000"));
            rows.add(timeOrNote(
                    service,
                    regulator,
                    "chaincode: lineage forward, all pages",
                    lots - 1,
                    Math.max(3, runs / 3),
                    root + "/lineage?direction=forward&pageSize=10000",
                    root + "/lineage?direction=forward&pageSize=10000&offset=10000"));
            rows.add(timeOrNote(
                    service,
                    regulator,
                    "chaincode: lineage backward, all pages",
                    BACKWARD,
                    Math.max(3, runs / 3),
                    last + "/lineage?direction=backward&pageSize=10000",
                    last + "/lineage?direction=backward&pageSize=10000&offset=10000"));
            rows.add(time(
                    service,
                    regulator,
                    "lineage picture (SVG, forward)",
                    lots - 1,
                    Math.max(3, runs / 3),
                    root + "/lineage.svg?direction=forward"));
            if (!fabric) {
                // On Fabric every use of a lot resolves its standing in round trips to the peer:
                // 100,000 observations would take hours there, so only lineage is timed.
                start = Instant.now();
                Instant newest = observe(service, farmer);
                System.out.printf(Locale.ROOT, "bench: %d events recorded in %d s%n", EVENTS, seconds(start));
                start = Instant.now();
                awaitGraph(service, regulator, lastBlock);
                System.out.printf(
                        Locale.ROOT,
                        "bench: lineage graph read model caught up with %d events %d ms after the last commit%n",
                        EVENTS,
                        Duration.between(start, Instant.now()).toMillis());
                start = Instant.now();
                awaitReadModel(service, regulator, newest);
                System.out.printf(Locale.ROOT, "bench: EPCIS read model caught up %d s later%n", seconds(start));
                int reportRuns = Math.max(3, runs / 6);
                rows.add(time(
                        service,
                        regulator,
                        "recall report CSV, 30 days",
                        EVENTS,
                        reportRuns,
                        root + "/recall-report.csv?days=30"));
                rows.add(time(
                        service,
                        regulator,
                        "recall report XLSX, 30 days",
                        EVENTS,
                        reportRuns,
                        root + "/recall-report.xlsx?days=30"));
                rows.add(time(
                        service,
                        regulator,
                        "EPCIS query, 1000 events of a lot",
                        1000,
                        runs,
                        "/epcis/events?perPage=1000"
                                + "&MATCH_epcClass="
                                + URLEncoder.encode(
                                        "https://id.gs1.org/01/" + PADDY + "/10/" + OBSERVED, StandardCharsets.UTF_8)));
            }
            start = Instant.now();
            rebuild(service);
            System.out.printf(
                    Locale.ROOT,
                    "bench: lineage graph rebuilt from block 0 (%d blocks) in %d ms%n",
                    lastBlock,
                    Duration.between(start, Instant.now()).toMillis());
        }
        print(rows);
    }

    /** The harvest, the splits and the merges; answers how many lots are connected. */
    private static int buildDiamond(ServiceUnderTest service, String farmer) throws Exception {
        Instant harvest = Instant.now().minus(Duration.ofDays(29)).truncatedTo(ChronoUnit.SECONDS);
        // 990 t of paddy: a harvest is bounded by its plot's area times 800 kg per mu, so the bench
        // farms a plot large enough for it (the demo's plot 7 has 85.5 mu).
        require(service.send(
                farmer,
                "POST",
                "/api/locations",
                "{\"id\":\"LB-PLOT\",\"kind\":\"plot\",\"nameZh\":\"基准测试地块\",\"areaMu\":1300,"
                        + "\"address\":{\"county\":\"舒兰市\"}}"));
        require(service.send(
                farmer,
                "POST",
                "/api/lots/harvests",
                "{\"gtin\":\"" + PADDY + "\",\"lotCode\":\"LB-R\",\"quantity\":{\"value\":990000,\"uom\":\"KGM\"},"
                        + "\"plotId\":\"LB-PLOT\",\"eventTime\":\"" + at(harvest) + "\"}"));
        List<String> entries = new ArrayList<>();
        List<String> level1 = new ArrayList<>();
        for (int a = 0; a < 100; a++) {
            level1.add(String.format(Locale.ROOT, "LB-A%02d", a));
        }
        entries.add(transform("split", List.of("LB-R"), "990000", level1, "9900", harvest.plusSeconds(60)));
        List<String> leaves = new ArrayList<>();
        for (int a = 0; a < 100; a++) {
            List<String> outputs = new ArrayList<>();
            for (int b = 0; b < 99; b++) {
                outputs.add(String.format(Locale.ROOT, "LB-B%02d-%02d", a, b));
            }
            leaves.addAll(outputs);
            entries.add(
                    transform("split", List.of(level1.get(a)), "9900", outputs, "100", harvest.plusSeconds(120 + a)));
        }
        List<String> merged = new ArrayList<>();
        for (int g = 0; g < 99; g++) {
            String output = String.format(Locale.ROOT, "LB-C%02d", g);
            merged.add(output);
            entries.add(transform(
                    "merge",
                    leaves.subList(g * 100, g * 100 + 100),
                    "100",
                    List.of(output),
                    "10000",
                    harvest.plusSeconds(300 + g)));
        }
        // A lot may be made from at most 5,000 lots (the chaincode's ancestry bound): the last merge
        // takes 48 of the 99, so its backward lineage reaches 4,898 lots (48 + 4,800 + 49 + 1).
        entries.add(transform(
                "merge", merged.subList(0, FINAL_MERGE), "10000", List.of("LB-F"), "480000", harvest.plusSeconds(500)));
        // Splits before merges: each batch is one transaction, committed in order.
        for (int i = 0; i < entries.size(); i += 10) {
            written(service.send(
                    farmer, "POST", "/api/events/batch", batch(entries.subList(i, Math.min(entries.size(), i + 10)))));
        }
        return 1 + level1.size() + leaves.size() + merged.size() + 1;
    }

    private static String transform(
            String kind, List<String> inputs, String inputKg, List<String> outputs, String outputKg, Instant time) {
        StringBuilder request =
                new StringBuilder("{\"action\":\"transform\",\"request\":{\"kind\":\"" + kind + "\",\"inputs\":[");
        for (int i = 0; i < inputs.size(); i++) {
            request.append(i == 0 ? "" : ",").append(line(inputs.get(i), inputKg));
        }
        request.append("],\"outputs\":[");
        for (int i = 0; i < outputs.size(); i++) {
            request.append(i == 0 ? "" : ",").append(line(outputs.get(i), outputKg));
        }
        return request.append("],\"eventTime\":\"")
                .append(at(time))
                .append("\"}}")
                .toString();
    }

    private static String line(String lot, String kg) {
        return "{\"gtin\":\"" + PADDY + "\",\"lotCode\":\"" + lot + "\",\"quantity\":{\"value\":" + kg
                + ",\"uom\":\"KGM\"}}";
    }

    private static String batch(List<String> entries) {
        return "{\"entries\":[" + String.join(",", entries) + "]}";
    }

    /** 100,000 storage observations of the merged lot, one every 25 s over the last 29 days. */
    private static Instant observe(ServiceUnderTest service, String farmer) throws Exception {
        Instant first = Instant.now()
                .minus(Duration.ofDays(29))
                .plus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.SECONDS);
        Instant newest = first;
        for (int start = 0; start < EVENTS; start += PER_BATCH) {
            List<String> entries = new ArrayList<>();
            for (int i = start; i < start + PER_BATCH; i++) {
                newest = first.plusSeconds(25L * i);
                entries.add("{\"action\":\"observe\",\"request\":{\"bizStep\":\"storing\",\"lots\":[{\"gtin\":\""
                        + PADDY + "\",\"lotCode\":\"" + OBSERVED + "\"}],\"eventTime\":\"" + at(newest) + "\"}}");
            }
            written(service.send(farmer, "POST", "/api/events/batch", batch(entries)));
        }
        return newest;
    }

    private static void written(HttpResponse<String> response) {
        require(response);
        response.headers()
                .firstValue("X-Block-Number")
                .ifPresent(block -> lastBlock = Math.max(lastBlock, Long.parseLong(block)));
    }

    /** Polls the graph's status until it reflects {@code block}. */
    private static void awaitGraph(ServiceUnderTest service, String reader, long block) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = service.send(reader, "GET", "/api/graph", null);
            long height = Long.parseLong(
                    response.headers().firstValue("X-Ledger-Height").orElse("-1"));
            if (height >= block) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the lineage graph did not reach block " + block + " in 20 minutes");
    }

    /** Rebuilds the graph from block 0 and waits until the rebuilt graph answers. */
    private static void rebuild(ServiceUnderTest service) throws Exception {
        String admin = service.token("admin");
        require(service.send(admin, "POST", "/api/graph/rebuild", "{}"));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = service.send(admin, "GET", "/api/graph", null);
            if (response.statusCode() == 200 && response.body().contains("\"rebuilding\":false")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the lineage graph was not rebuilt in 30 minutes");
    }

    /** As {@link #time}, but a lineage the chaincode cannot answer (Fabric's deadline) is a row saying so. */
    private static Row timeOrNote(
            ServiceUnderTest service, String token, String scenario, long size, int runs, String... paths)
            throws Exception {
        try {
            return time(service, token, scenario, size, runs, paths);
        } catch (IllegalStateException noAnswer) {
            System.out.println("bench: " + scenario + " did not answer: "
                    + noAnswer.getMessage().lines().findFirst().orElse(""));
            return new Row(scenario + " (no answer)", size, 0, Double.NaN, Double.NaN, Double.NaN, 0);
        }
    }

    private static void awaitReadModel(ServiceUnderTest service, String reader, Instant newest) throws Exception {
        String query = "/epcis/events?perPage=1&EQ_bizStep=storing&GE_eventTime="
                + URLEncoder.encode(at(newest), StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = service.send(reader, "GET", query, null);
            if (response.statusCode() == 200 && response.body().contains("\"eventID\"")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the EPCIS read model did not catch up in 20 minutes");
    }

    /** Runs the requests in turn {@code runs} times (after two warm-up rounds); one sample per round. */
    private static Row time(
            ServiceUnderTest service, String token, String scenario, long size, int runs, String... paths)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        long cpuBefore = 0;
        long bytes = 0;
        for (int run = -2; run < runs; run++) {
            bytes = 0;
            if (run == 0) {
                cpuBefore = service.cpuNanos();
            }
            long before = System.nanoTime();
            for (String path : paths) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(service.base + path))
                        .header("Authorization", token)
                        .GET()
                        .build();
                HttpResponse<byte[]> response = service.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                bytes += response.body().length;
            }
            if (run >= 0) {
                millis.add((System.nanoTime() - before) / 1e6);
            }
        }
        double cpu = cpuBefore < 0 ? Double.NaN : (service.cpuNanos() - cpuBefore) / 1e6 / runs;
        millis.sort(Double::compare);
        Row row = new Row(scenario, size, runs, percentile(millis, 0.50), percentile(millis, 0.99), cpu, bytes);
        System.out.printf(
                Locale.ROOT,
                "bench: %s: p50 %.1f ms, p99 %.1f ms, service CPU %.1f ms a run%n",
                scenario,
                row.p50(),
                row.p99(),
                row.cpu());
        return row;
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void require(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("request refused: " + response.statusCode() + " " + response.body());
        }
    }

    private static String at(Instant time) {
        return TIME.format(time.atOffset(ZoneOffset.ofHours(8)));
    }

    private static long seconds(Instant since) {
        return Duration.between(since, Instant.now()).toSeconds();
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-40s %12s %6s %10s %10s %10s %10s%n",
                "scenario",
                "lots/events",
                "runs",
                "p50 ms",
                "p99 ms",
                "CPU ms",
                "MB a run");
        for (Row row : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %12d %6d %10.1f %10.1f %10.1f %10.2f%n",
                    row.scenario(),
                    row.size(),
                    row.runs(),
                    row.p50(),
                    row.p99(),
                    row.cpu(),
                    row.bytes() / 1e6);
        }
        double baseline = rows.get(0).p50();
        System.out.printf(
                Locale.ROOT,
                "%nforward + backward lineage (%d lots together) from the graph read model: %.1f ms (p50), %.1f ms (p99) = %.1f × one lot:Get; service CPU %.1f ms a run (lot:Get %.1f ms)%n",
                rows.get(1).size(),
                rows.get(1).p50(),
                rows.get(1).p99(),
                rows.get(1).p50() / baseline,
                rows.get(1).cpu(),
                rows.get(0).cpu());
        System.out.printf(
                Locale.ROOT,
                "the same in the compact shape: %.1f ms (p50), %.1f ms (p99) = %.1f × one lot:Get; service CPU %.1f ms a run; %.2f MB against %.2f MB%n",
                rows.get(2).p50(),
                rows.get(2).p99(),
                rows.get(2).p50() / baseline,
                rows.get(2).cpu(),
                rows.get(2).bytes() / 1e6,
                rows.get(1).bytes() / 1e6);
    }
}
