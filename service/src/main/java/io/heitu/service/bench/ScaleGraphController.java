package io.heitu.service.bench;

import io.heitu.identity.Enrollment;
import io.heitu.service.graph.GraphFootprint;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writes the scale benchmark's graph straight into the ledger from inside the service: the same
 * signed proposals, chaincode and blocks as any write, through the ledger port, without an HTTP
 * request (or its JSON) per lot — one request starts a range of families and answers when they are
 * committed. Only present when {@code heitu.bench.enabled=true}.
 *
 * <p>A family is 1,000 lots of one GTIN: a harvest of 900 kg split into 9 lots, each split into 100
 * lots of 1 kg, and those merged by tens (across the 9) into 90 lots — 101 events, two transactions
 * (the harvest, then one batch of the 100 transformations). Every 100 families share a plot.
 */
@RestController
@ConditionalOnProperty(name = "heitu.bench.enabled", havingValue = "true")
class ScaleGraphController {

    static final int SPLITS = 9;
    static final int PER_SPLIT = 100;
    static final int MERGES = 90;
    static final int PER_MERGE = 10;
    private static final int FAMILIES_PER_PLOT = 100;
    private static final int OBSERVATIONS_PER_TX = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final GraphFootprint footprint;

    ScaleGraphController(TraceLedger ledger, CurrentUser user, GraphFootprint footprint) {
        this.ledger = ledger;
        this.user = user;
        this.footprint = footprint;
    }

    /** Families {@code from} … {@code from + count - 1} of lots named {@code prefix-<family>-…}. */
    @PostMapping("/api/bench/graph/families")
    Map<String, Object> families(
            @RequestParam String prefix,
            @RequestParam String gtin,
            @RequestParam int from,
            @RequestParam int count,
            @RequestParam(defaultValue = "舒兰市") String county,
            @RequestParam(required = false) String point,
            @RequestParam(defaultValue = "2") int threads)
            throws Exception {
        Enrollment actor = user.enrollment();
        Instant harvest = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int family = from; family < from + count; family++) {
            if (family % FAMILIES_PER_PLOT == 0) {
                ledger.registerLocation(actor, plot(prefix, family / FAMILIES_PER_PLOT, county, point));
            }
        }
        AtomicLong lastBlock = new AtomicLong();
        long started = System.nanoTime();
        run(threads, count, i -> {
            int family = from + i;
            String plot = prefix + "-P" + family / FAMILIES_PER_PLOT;
            Instant at = harvest.plusSeconds(family % 40_000);
            ledger.commission(actor, harvest(gtin, lot(prefix, family, "R"), plot, at));
            long block = ledger.batch(actor, transformations(gtin, prefix, family, at))
                    .blockNumber();
            lastBlock.accumulateAndGet(block, Math::max);
        });
        return Map.of(
                "lots",
                (long) count * lotsPerFamily(),
                "events",
                (long) count * (2 + SPLITS + MERGES),
                "lastBlock",
                lastBlock.get(),
                "millis",
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * {@code count} storage observations of random merged lots (the ones still held) of families {@code 0 … families-1},
     * 500 a transaction, each a second after the one before.
     */
    @PostMapping("/api/bench/graph/observations")
    Map<String, Object> observations(
            @RequestParam String prefix,
            @RequestParam String gtin,
            @RequestParam int families,
            @RequestParam int count,
            @RequestParam(defaultValue = "1") long seed,
            @RequestParam(defaultValue = "2") int threads)
            throws Exception {
        Enrollment actor = user.enrollment();
        Instant first = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        int transactions = (count + OBSERVATIONS_PER_TX - 1) / OBSERVATIONS_PER_TX;
        AtomicLong lastBlock = new AtomicLong();
        long started = System.nanoTime();
        run(threads, transactions, t -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + t);
            StringBuilder batch = new StringBuilder("{\"entries\":[");
            int start = t * OBSERVATIONS_PER_TX;
            for (int i = start; i < Math.min(count, start + OBSERVATIONS_PER_TX); i++) {
                int family = random.nextInt(families);
                String lot = lot(prefix, family, merged(random.nextInt(MERGES)));
                batch.append(i == start ? "" : ",")
                        .append("{\"action\":\"observe\",\"request\":{\"bizStep\":\"storing\",\"lots\":[{\"gtin\":\"")
                        .append(gtin)
                        .append("\",\"lotCode\":\"")
                        .append(lot)
                        .append("\"}],\"eventTime\":\"")
                        .append(at(first.plusMillis(seed * 7 + i)))
                        .append("\"}}");
            }
            long block = ledger.batch(actor, batch.append("]}").toString()).blockNumber();
            lastBlock.accumulateAndGet(block, Math::max);
        });
        return Map.of(
                "events", count, "lastBlock", lastBlock.get(), "millis", (System.nanoTime() - started) / 1_000_000);
    }

    /** The lineage graph's retained heap, measured on a copy (see {@link GraphFootprint}). */
    @GetMapping("/api/bench/graph/memory")
    Map<String, Object> memory() {
        GraphFootprint.Measured measured = footprint.measure();
        return Map.of(
                "lots", measured.lots(),
                "edges", measured.edges(),
                "bytes", measured.bytes(),
                "bytesPerLot", measured.lots() == 0 ? 0 : measured.bytes() / measured.lots());
    }

    static int lotsPerFamily() {
        return 1 + SPLITS + SPLITS * PER_SPLIT + MERGES;
    }

    private interface Step {
        void run(int index) throws Exception;
    }

    private static void run(int threads, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    step.run(index);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            // No interrupts: a worker inside the ledger or its stores must finish its write.
            pool.shutdown();
        }
    }

    /** A plot; {@code point} ("longitude,latitude") places it inside a geographical indication's area. */
    private static String plot(String prefix, int number, String county, String point) {
        return "{\"id\":\"" + prefix + "-P" + number + "\",\"kind\":\"plot\",\"nameZh\":\"规模测试地块\","
                + "\"areaMu\":10000,\"address\":{\"county\":\"" + county + "\"}"
                + (point == null ? "" : ",\"geo\":{\"type\":\"Point\",\"coordinates\":[" + point + "]}") + "}";
    }

    private static String harvest(String gtin, String lot, String plot, Instant at) {
        return "{\"gtin\":\"" + gtin + "\",\"lotCode\":\"" + lot + "\",\"quantity\":{\"value\":900,\"uom\":\"KGM\"},"
                + "\"plotId\":\"" + plot + "\",\"eventTime\":\"" + at(at) + "\"}";
    }

    /** The 9 splits of the harvest, the 9 splits of those, and 90 merges across them, in one batch. */
    private static String transformations(String gtin, String prefix, int family, Instant harvest) {
        List<String> entries = new ArrayList<>();
        List<String> splits = new ArrayList<>();
        for (int a = 0; a < SPLITS; a++) {
            splits.add(lot(prefix, family, "A" + a));
        }
        entries.add(transform(
                gtin, "split", List.of(lot(prefix, family, "R")), "900", splits, "100", harvest.plusSeconds(60)));
        for (int a = 0; a < SPLITS; a++) {
            List<String> outputs = new ArrayList<>();
            for (int b = 0; b < PER_SPLIT; b++) {
                outputs.add(lot(prefix, family, split(a, b)));
            }
            entries.add(
                    transform(gtin, "split", List.of(splits.get(a)), "100", outputs, "1", harvest.plusSeconds(120)));
        }
        for (int c = 0; c < MERGES; c++) {
            List<String> inputs = new ArrayList<>();
            for (int k = 0; k < PER_MERGE; k++) {
                // Across the 9 splits: input i of 900 is split i % 9's lot i / 9.
                int i = c * PER_MERGE + k;
                inputs.add(lot(prefix, family, split(i % SPLITS, i / SPLITS)));
            }
            entries.add(transform(
                    gtin,
                    "merge",
                    inputs,
                    "1",
                    List.of(lot(prefix, family, merged(c))),
                    "10",
                    harvest.plusSeconds(180)));
        }
        return "{\"entries\":[" + String.join(",", entries) + "]}";
    }

    static String lot(String prefix, int family, String suffix) {
        return prefix + "-" + family + "-" + suffix;
    }

    static String split(int a, int b) {
        return String.format(Locale.ROOT, "B%d-%02d", a, b);
    }

    static String merged(int c) {
        return String.format(Locale.ROOT, "C%02d", c);
    }

    private static String transform(
            String gtin,
            String kind,
            List<String> inputs,
            String inputKg,
            List<String> outputs,
            String outputKg,
            Instant time) {
        StringBuilder request =
                new StringBuilder("{\"action\":\"transform\",\"request\":{\"kind\":\"" + kind + "\",\"inputs\":[");
        for (int i = 0; i < inputs.size(); i++) {
            request.append(i == 0 ? "" : ",").append(line(gtin, inputs.get(i), inputKg));
        }
        request.append("],\"outputs\":[");
        for (int i = 0; i < outputs.size(); i++) {
            request.append(i == 0 ? "" : ",").append(line(gtin, outputs.get(i), outputKg));
        }
        return request.append("],\"eventTime\":\"")
                .append(at(time))
                .append("\"}}")
                .toString();
    }

    private static String line(String gtin, String lot, String kg) {
        return "{\"gtin\":\"" + gtin + "\",\"lotCode\":\"" + lot + "\",\"quantity\":{\"value\":" + kg
                + ",\"uom\":\"KGM\"}}";
    }

    private static String at(Instant time) {
        return TIME.format(time.atOffset(ZoneOffset.ofHours(8)));
    }
}
