package io.heitu.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lineage graph read model at scale, on the embedded ledger, beside a {@code lot:Get} baseline
 * measured in the same run.
 *
 * <p>The graph is written straight into the ledger by the service's bench endpoint (signed
 * proposals, the chaincode, blocks — no HTTP request per lot): families of 1,000 lots (a harvest, 9
 * splits, 900 split lots, 90 merges across them; 101 events), 50 families by the ginseng farm (the
 * organisation with 50,000 lots) and the rest by the rice cooperative, then storage observations of
 * random lots up to the events wanted. Then: the graph's catch-up after the last 100,000 events,
 * its heap per lot, lineage of random lots through {@code /api/graph}, "my lots" first pages, and a
 * rebuild from block 0.
 *
 * <p>Usage: {@code ScaleBench <service.jar> [lots] [events] [samples]} (defaults 1,000,000 lots,
 * 2,000,000 events, 300 samples); lots are rounded to families of 1,000.
 */
public final class ScaleBench {

    private static final String PADDY = "06901234500011";
    private static final String GINSENG = "06901234500042";
    private static final int PER_FAMILY = 1_000;
    private static final int EVENTS_PER_FAMILY = 101;
    /** Families of the ginseng farm: the organisation whose "my lots" has 50,000 lots. */
    /** Runs of each web app page timed: "my lots" and the queue read every lot before they were paged. */
    private static final int PAGE_SAMPLES = Integer.getInteger("bench.pageSamples", 30);

    private static final int GINSENG_FAMILIES = Integer.getInteger("bench.ginsengFamilies", 50);
    /** The events whose catch-up is timed (the issue's 100,000; smaller for a quick look). */
    private static final int CATCH_UP_EVENTS = Integer.getInteger("bench.catchUpEvents", 100_000);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Row(String scenario, String size, String p50, String p99) {}

    private ScaleBench() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        long wantedLots = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long wantedEvents = args.length > 2 ? Long.parseLong(args[2]) : 2_000_000;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int families = (int) Math.max(GINSENG_FAMILIES + 1, wantedLots / PER_FAMILY);
        Path work = Files.createTempDirectory("heitu-scale-");
        Path data = work.resolve("data");
        System.out.println("bench: service log in " + work.resolve("service.log"));
        List<Row> rows = new ArrayList<>();
        String heap = System.getProperty("bench.serviceHeap", "6g");
        try (ServiceUnderTest service = new ServiceUnderTest(jar, data, work.resolve("service.log"), heap)) {
            String farmer = service.token("farmer");
            String ginseng = service.token("ginseng");
            String regulator = service.token("regulator");
            String admin = service.token("admin");

            long started = System.nanoTime();
            long lastBlock = generate(
                    service,
                    ginseng,
                    "G",
                    GINSENG,
                    "%E6%8A%9A%E6%9D%BE%E5%8E%BF&point=127.9012,42.5031",
                    0,
                    GINSENG_FAMILIES);
            lastBlock = Math.max(
                    lastBlock,
                    generate(
                            service,
                            farmer,
                            "S",
                            PADDY,
                            "%E8%88%92%E5%85%B0%E5%B8%82",
                            0,
                            families - GINSENG_FAMILIES));
            long lots = (long) families * PER_FAMILY;
            long structural = (long) families * EVENTS_PER_FAMILY;
            double lotSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "bench: %,d lots (%,d events) written in %.0f s (%.0f lots/s)%n",
                    lots,
                    structural,
                    lotSeconds,
                    lots / lotSeconds);
            long observations = Math.max(CATCH_UP_EVENTS, wantedEvents - structural);
            started = System.nanoTime();
            for (long done = 0; done < observations - CATCH_UP_EVENTS; done += 500_000) {
                int count = (int) Math.min(500_000, observations - CATCH_UP_EVENTS - done);
                lastBlock = Math.max(lastBlock, observe(service, farmer, families - GINSENG_FAMILIES, count, done));
                System.out.printf(Locale.ROOT, "bench: %,d observations written%n", done + count);
            }
            awaitGraph(service, regulator, lastBlock, Duration.ofMinutes(60));
            // The catch-up: the last 100,000 events, then how long after the last commit the graph has them.
            long catchUpBlock = observe(service, farmer, families - GINSENG_FAMILIES, CATCH_UP_EVENTS, -1);
            long committed = System.nanoTime();
            awaitGraph(service, regulator, catchUpBlock, Duration.ofMinutes(30));
            double catchUp = (System.nanoTime() - committed) / 1e6;
            double eventSeconds = (System.nanoTime() - started) / 1e9;
            long events = structural + observations;
            System.out.printf(
                    Locale.ROOT,
                    "bench: %,d observations written in %.0f s; %,d events in all; the graph at block %d %.0f ms after the"
                            + " last commit%n",
                    observations,
                    eventSeconds,
                    events,
                    catchUpBlock,
                    catchUp);
            // The EPCIS read model follows the same blocks at its own pace; the questions are timed once
            // it has them too, so that its writes are not part of their figures.
            awaitEventStore(service, regulator, catchUpBlock, Duration.ofMinutes(60));
            double eventStoreLag = (System.nanoTime() - committed) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "bench: the EPCIS read model at block %d %.0f s after the last commit%n",
                    catchUpBlock,
                    eventStoreLag);
            System.out.printf(Locale.ROOT, "bench: data directory %s%n", megabytes(data));

            JsonNode memory = JSON.readTree(require(service.send(admin, "GET", "/api/bench/graph/memory", null)));
            System.out.println("bench: read model memory " + memory);

            SplittableRandom random = new SplittableRandom(42);
            List<String> sampleLots = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                int family = GINSENG_FAMILIES + random.nextInt(families - GINSENG_FAMILIES);
                String suffix = switch (random.nextInt(4)) {
                    case 0 -> "R";
                    case 1 -> "A" + random.nextInt(9);
                    case 2 -> String.format(Locale.ROOT, "B%d-%02d", random.nextInt(9), random.nextInt(100));
                    default -> String.format(Locale.ROOT, "C%02d", random.nextInt(90));
                };
                sampleLots.add(PADDY + "/S-" + (family - GINSENG_FAMILIES) + "-" + suffix);
            }
            rows.add(timed(service, regulator, "baseline: one lot (lot:Get)", sampleLots, lot -> "/api/lots/" + lot));
            rows.add(timed(
                    service,
                    regulator,
                    "graph: lineage forward, one random lot",
                    sampleLots,
                    lot -> "/api/graph/lots/" + lot + "/lineage?direction=forward&pageSize=1000"));
            rows.add(timed(
                    service,
                    regulator,
                    "graph: lineage backward, one random lot",
                    sampleLots,
                    lot -> "/api/graph/lots/" + lot + "/lineage?direction=backward&pageSize=1000"));
            rows.add(timed(
                    service,
                    regulator,
                    "graph: lineage forward, compact shape",
                    sampleLots,
                    lot -> "/api/graph/lots/" + lot + "/lineage?direction=forward&pageSize=1000&shape=compact"));
            rows.add(timed(
                    service,
                    regulator,
                    "graph: lineage backward, compact shape",
                    sampleLots,
                    lot -> "/api/graph/lots/" + lot + "/lineage?direction=backward&pageSize=1000&shape=compact"));
            List<String> repeat = java.util.Collections.nCopies(samples, "");
            rows.add(timed(
                    service,
                    ginseng,
                    String.format(
                            Locale.ROOT,
                            "graph: my lots, first page (ginseng farm, %,d lots)",
                            GINSENG_FAMILIES * PER_FAMILY),
                    repeat,
                    x -> "/api/graph/orgs/FusongGinsengMSP/lots"));
            rows.add(timed(
                    service,
                    farmer,
                    String.format(
                            Locale.ROOT,
                            "graph: my lots, first page (cooperative, %,d lots)",
                            (long) (families - GINSENG_FAMILIES) * PER_FAMILY),
                    repeat,
                    x -> "/api/graph/orgs/ShulanRiceCoopMSP/lots"));
            rows.add(page(
                    service,
                    service.session("ginseng"),
                    "/app",
                    String.format(
                            Locale.ROOT,
                            "web: my lots page (/app), ginseng farm, %,d lots",
                            GINSENG_FAMILIES * PER_FAMILY),
                    Math.min(samples, PAGE_SAMPLES)));
            rows.add(page(
                    service,
                    service.session("regulator"),
                    "/app/inspect",
                    String.format(
                            Locale.ROOT,
                            "web: inspection queue (/app/inspect), regulator, %,d lots",
                            (long) families * PER_FAMILY),
                    Math.min(samples, PAGE_SAMPLES)));
            rows.add(new Row(
                    String.format(Locale.ROOT, "graph: catch-up after the last %,d events", CATCH_UP_EVENTS),
                    String.format(Locale.ROOT, "%,d", CATCH_UP_EVENTS),
                    String.format(Locale.ROOT, "%.0f ms", catchUp),
                    "(one run)"));
            rows.add(new Row(
                    String.format(
                            Locale.ROOT, "EPCIS read model: caught up after the last %,d events", CATCH_UP_EVENTS),
                    String.format(Locale.ROOT, "%,d", CATCH_UP_EVENTS),
                    String.format(Locale.ROOT, "%.0f s", eventStoreLag),
                    "(one run)"));
            rows.add(new Row(
                    "disk: ledger / H2 file (EPCIS read model …) / graph snapshot",
                    String.format(Locale.ROOT, "%,d events", events),
                    megabytesOf(data.resolve("ledger")) + " / " + megabytesOf(data.resolve("service.mv.db")),
                    megabytesOf(data.resolve("read-models"))));
            rows.add(new Row(
                    "graph: heap per lot (copy, after full GC)",
                    String.format(Locale.ROOT, "%,d", memory.path("lots").asLong()),
                    String.format(
                            Locale.ROOT, "%,d B", memory.path("bytesPerLot").asLong()),
                    String.format(
                            Locale.ROOT, "%,d MB in all", memory.path("bytes").asLong() >> 20)));

            // The rebuild takes longest of all: the table so far first, should it not finish.
            print(rows);
            long rebuildStart = System.nanoTime();
            require(service.send(admin, "POST", "/api/graph/rebuild", "{}"));
            awaitRebuilt(service, admin);
            double rebuild = (System.nanoTime() - rebuildStart) / 1e9;
            rows.add(new Row(
                    "graph: rebuild from block 0 (POST /api/graph/rebuild)",
                    String.format(Locale.ROOT, "%,d events", events),
                    String.format(Locale.ROOT, "%.0f s", rebuild),
                    "(one run)"));
            rows.add(new Row(
                    "generation: lots straight into the ledger",
                    String.format(Locale.ROOT, "%,d lots", lots),
                    String.format(Locale.ROOT, "%.0f s", lotSeconds),
                    String.format(Locale.ROOT, "%.0f lots/s", lots / lotSeconds)));
            rows.add(new Row(
                    "generation: observations straight into the ledger",
                    String.format(Locale.ROOT, "%,d events", observations),
                    String.format(Locale.ROOT, "%.0f s", eventSeconds),
                    String.format(Locale.ROOT, "%.0f events/s", observations / eventSeconds)));
        }
        print(rows);
    }

    private static long generate(
            ServiceUnderTest service, String token, String prefix, String gtin, String county, int from, int count)
            throws Exception {
        long lastBlock = 0;
        for (int start = from; start < from + count; start += 100) {
            int chunk = Math.min(100, from + count - start);
            JsonNode answer = JSON.readTree(require(service.send(
                    token,
                    "POST",
                    "/api/bench/graph/families?prefix=" + prefix + "&gtin=" + gtin + "&county=" + county + "&from="
                            + start + "&count=" + chunk,
                    null)));
            lastBlock = Math.max(lastBlock, answer.path("lastBlock").asLong());
            System.out.printf(
                    Locale.ROOT,
                    "bench: families %s %d-%d (%,d lots) in %d ms%n",
                    prefix,
                    start,
                    start + chunk - 1,
                    answer.path("lots").asLong(),
                    answer.path("millis").asLong());
        }
        return lastBlock;
    }

    private static long observe(ServiceUnderTest service, String token, int families, int count, long seed)
            throws Exception {
        JsonNode answer = JSON.readTree(require(service.send(
                token,
                "POST",
                "/api/bench/graph/observations?prefix=S&gtin=" + PADDY + "&families=" + families + "&count=" + count
                        + "&seed=" + (seed + 2),
                null)));
        return answer.path("lastBlock").asLong();
    }

    private static void awaitGraph(ServiceUnderTest service, String reader, long block, Duration wait)
            throws Exception {
        awaitHeight(service, reader, "/api/graph", block, wait, 10, "the lineage graph");
    }

    /**
     * Until the EPCIS read model holds {@code block}: a report's {@code X-Ledger-Height} is the lower of
     * the ledger's last block and the read model's (a demo lot's NY/T 4712 export, the smallest report).
     */
    private static void awaitEventStore(ServiceUnderTest service, String reader, long block, Duration wait)
            throws Exception {
        awaitHeight(
                service,
                reader,
                "/api/lots/06901234500035/R5-2026-1005/nyt4712.json",
                block,
                wait,
                1_000,
                "the EPCIS read model");
    }

    /** Polls {@code path} until its {@code X-Ledger-Height} reaches {@code block}. */
    private static void awaitHeight(
            ServiceUnderTest service,
            String reader,
            String path,
            long block,
            Duration wait,
            long pollMillis,
            String what)
            throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = service.send(reader, "GET", path, null);
            long height = Long.parseLong(
                    response.headers().firstValue("X-Ledger-Height").orElse("-1"));
            if (height >= block) {
                return;
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException(what + " did not reach block " + block + " in " + wait);
    }

    private static void awaitRebuilt(ServiceUnderTest service, String admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = service.send(admin, "GET", "/api/graph", null);
            if (response.statusCode() == 200 && response.body().contains("\"rebuilding\":false")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the lineage graph was not rebuilt in 60 minutes");
    }

    /**
     * Each path once after a warm-up round of 20; one sample per request, on one kept-alive
     * connection of {@link RawHttp}: the client shares the two cores with the service, and {@code
     * java.net.http} costs more on a large body (forward lineage p99 at 60,000 lots: 27.4 ms with it,
     * 23.9 ms with this in the same run).
     */
    private static Row timed(
            ServiceUnderTest service,
            String token,
            String scenario,
            List<String> lots,
            java.util.function.Function<String, String> path)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        try (RawHttp client = new RawHttp(service.base)) {
            for (int i = -20; i < lots.size(); i++) {
                String lot = lots.get(Math.floorMod(i, lots.size()));
                long before = System.nanoTime();
                RawHttp.Response response = client.get(path.apply(lot), "application/json", token);
                double took = (System.nanoTime() - before) / 1e6;
                if (response.status() != 200) {
                    throw new IllegalStateException(path.apply(lot) + " answered " + response.status() + " "
                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                }
                if (i >= 0) {
                    millis.add(took);
                    bytes += response.body().length;
                }
            }
        }
        return row(scenario, millis, bytes);
    }

    /**
     * A web app page as a signed-in browser asks for it (HTML, all of it), a few times: before "my
     * lots" and the inspection queue were paged they read every page of the lots they list.
     */
    private static Row page(ServiceUnderTest service, String session, String path, String scenario, int runs)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        try (RawHttp client = new RawHttp(service.base)) {
            for (int i = -3; i < runs; i++) {
                long before = System.nanoTime();
                RawHttp.Response response = client.get(path, "text/html", null, null, session);
                double took = (System.nanoTime() - before) / 1e6;
                if (response.status() != 200) {
                    throw new IllegalStateException(path + " answered " + response.status());
                }
                if (i >= 0) {
                    millis.add(took);
                    bytes += response.body().length;
                }
            }
        }
        return row(scenario, millis, bytes);
    }

    /** A timed scenario's row: runs, average size, p50 and p99; printed as it is made. */
    private static Row row(String scenario, List<Double> millis, long bytes) {
        millis.sort(Double::compare);
        Row row = new Row(
                scenario,
                String.format(Locale.ROOT, "%d runs, %,d B avg", millis.size(), bytes / millis.size()),
                String.format(Locale.ROOT, "%.1f ms", percentile(millis, 0.50)),
                String.format(Locale.ROOT, "%.1f ms", percentile(millis, 0.99)));
        System.out.printf(Locale.ROOT, "bench: %s: p50 %s, p99 %s%n", scenario, row.p50(), row.p99());
        return row;
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String require(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("request refused: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String megabytes(Path dir) throws Exception {
        return dir + ": " + megabytesOf(dir);
    }

    private static String megabytesOf(Path path) throws Exception {
        if (!Files.exists(path)) {
            return "none";
        }
        long total;
        try (Stream<Path> files = Files.walk(path)) {
            total = files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
        return String.format(Locale.ROOT, "%,d MB", total >> 20);
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-58s %-26s %12s %16s%n", "scenario", "size", "p50 / value", "p99 / note");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-58s %-26s %12s %16s%n", row.scenario(), row.size(), row.p50(), row.p99());
        }
    }
}
