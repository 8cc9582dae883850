package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceProcess;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lineage graph across restarts of a real service process: after a SIGKILL it comes back from
 * its snapshot plus the blocks after it (not from block 0) and answers every acknowledged write;
 * and {@code java -jar service.jar rebuild-read-models <dataDir>} makes the next start rebuild the
 * snapshot from block 0, into the very graph the live service had.
 */
@Tag("embedded-ledger")
class GraphRestartIT {

    private static final String PADDY = "06901234500011";
    /** A snapshot's magic number and block. */
    private static final int HEADER = Integer.BYTES + Long.BYTES;

    private static final String GRAPH_LOG = "--logging.level.io.heitu.service.graph=INFO";

    @Test
    void after_a_kill_minus_nine_the_graph_comes_back_from_its_snapshot_and_the_later_blocks() throws Exception {
        Path data = Files.createTempDirectory("heitu-graph-restart-").resolve("data");
        String root = "GR-" + System.nanoTime();
        long snapshotHeight;
        try (ServiceProcess service = new ServiceProcess(data, GRAPH_LOG).start()) {
            Api api = service.api();
            long block = harvest(api, root);
            block = split(api, root, List.of(root + "-A1", root + "-A2"), 40, block);
            awaitGraph(api, block);
            service.stop(); // a clean stop writes the snapshot
        }
        snapshotHeight = snapshotHeight(data);
        assertThat(snapshotHeight).isPositive();

        long acknowledged;
        try (ServiceProcess service = new ServiceProcess(data, GRAPH_LOG)) {
            long logFrom = logLength(data);
            service.start();
            assertThat(logSince(data, logFrom))
                    .contains("lineage graph restored from its snapshot at block " + snapshotHeight + " ");
            acknowledged = split(service.api(), root + "-A1", List.of(root + "-B1", root + "-B2"), 20, snapshotHeight);
            assertThat(acknowledged).isGreaterThan(snapshotHeight);
            service.kill(); // at once: no snapshot of the split, perhaps not even in the graph yet
        }
        assertThat(snapshotHeight(data)).as("SIGKILL leaves the older snapshot").isEqualTo(snapshotHeight);

        try (ServiceProcess service = new ServiceProcess(data, GRAPH_LOG)) {
            long logFrom = logLength(data);
            service.start();
            assertThat(logSince(data, logFrom))
                    .as("restored from the snapshot, not rebuilt from block 0")
                    .contains("lineage graph restored from its snapshot at block " + snapshotHeight + " ")
                    .doesNotContain("building it from block 0");
            Api api = service.api();
            awaitGraph(api, acknowledged);
            Api.Response forward = api.get(
                    "regulator",
                    "/api/graph/lots/" + PADDY + "/" + root + "/lineage?direction=forward&minHeight=" + acknowledged);
            assertThat(forward.status()).as(forward.body()).isEqualTo(200);
            assertThat(Long.parseLong(
                            forward.headers().firstValue("X-Ledger-Height").orElseThrow()))
                    .isGreaterThanOrEqualTo(acknowledged);
            assertThat(codes(forward)).containsExactly(root, root + "-A1", root + "-A2", root + "-B1", root + "-B2");
            Api.Response backward = api.get(
                    "regulator",
                    "/api/graph/lots/" + PADDY + "/" + root + "-B2/lineage?direction=backward&minHeight="
                            + acknowledged);
            assertThat(codes(backward)).containsExactly(root + "-B2", root + "-A1", root);
        }
    }

    @Test
    void rebuild_read_models_makes_the_next_start_rebuild_the_same_snapshot_from_block_0() throws Exception {
        Path data = Files.createTempDirectory("heitu-graph-rebuild-").resolve("data");
        String root = "RB-" + System.nanoTime();
        try (ServiceProcess service = new ServiceProcess(data, GRAPH_LOG).start()) {
            Api api = service.api();
            long block = harvest(api, root);
            block = split(api, root, List.of(root + "-A1", root + "-A2", root + "-A3"), 30, block);
            block = split(api, root + "-A3", List.of(root + "-B1", root + "-B2"), 10, block);
            awaitGraph(api, block);
            service.stop();
        }
        Path snapshot = snapshot(data);
        byte[] live = Files.readAllBytes(snapshot);
        long liveHeight = snapshotHeight(data);

        Process command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        serviceJar().toString(),
                        "rebuild-read-models",
                        data.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(command.exitValue()).as(said).isZero();
        assertThat(said).contains("rebuild-read-models: deleted");
        assertThat(snapshot).doesNotExist();

        try (ServiceProcess service = new ServiceProcess(data, GRAPH_LOG)) {
            long logFrom = logLength(data);
            service.start();
            assertThat(logSince(data, logFrom)).contains("lineage graph: no snapshot; building it from block 0");
            awaitGraph(service.api(), liveHeight);
            Api.Response forward = service.api()
                    .get("regulator", "/api/graph/lots/" + PADDY + "/" + root + "/lineage?direction=forward");
            assertThat(codes(forward))
                    .containsExactly(root, root + "-A1", root + "-A2", root + "-A3", root + "-B1", root + "-B2");
            service.stop();
        }
        // A start may commit blocks of its own (start-up tasks), so the rebuilt snapshot may be at a
        // later block; it holds the same lots, each one's facts byte for byte, and each named last in
        // the same block at the same place, unless a block after the live one's named it since.
        assertThat(snapshotHeight(data)).isGreaterThanOrEqualTo(liveHeight);
        List<StoredLot> before = lots(live);
        List<StoredLot> after = lots(Files.readAllBytes(snapshot));
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).facts())
                    .as(
                            "lot %d rebuilt from block 0: %s",
                            i, new String(after.get(i).facts(), StandardCharsets.UTF_8))
                    .isEqualTo(before.get(i).facts());
            long block = after.get(i).named() >>> 24;
            if (block <= liveHeight) {
                assertThat(after.get(i).named())
                        .as("lot %d named last at", i)
                        .isEqualTo(before.get(i).named());
            }
        }
    }

    /** A lot as a snapshot stores it: when the ledger last named it (block and place), then its facts. */
    private record StoredLot(long named, byte[] facts) {}

    private static List<StoredLot> lots(byte[] snapshot) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(snapshot));
        in.skipNBytes(HEADER);
        List<StoredLot> lots = new java.util.ArrayList<>();
        for (int count = in.readInt(); count > 0; count--) {
            long named = in.readLong();
            byte[] facts = new byte[in.readInt()];
            in.readFully(facts);
            lots.add(new StoredLot(named, facts));
        }
        return lots;
    }

    private static long harvest(Api api, String lot) {
        Api.Response harvest = api.post(
                "farmer",
                "/api/lots/harvests",
                Map.of(
                        "gtin",
                        PADDY,
                        "lotCode",
                        lot,
                        "quantity",
                        Map.of("value", 80, "uom", "JIN"),
                        "plotId",
                        "SL-PLOT-07",
                        "eventTime",
                        at(0)));
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
        return block(harvest);
    }

    private static long split(Api api, String input, List<String> outputs, int jin, long after) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String output : outputs) {
            lines.add(line(output, jin / outputs.size()));
        }
        Api.Response split = api.post(
                "farmer",
                "/api/events/transformations",
                Map.of("kind", "split", "inputs", List.of(line(input, jin)), "outputs", lines, "eventTime", at(60)));
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        return Math.max(after, block(split));
    }

    private static Map<String, Object> line(String lotCode, int jin) {
        return Map.of("gtin", PADDY, "lotCode", lotCode, "quantity", Map.of("value", jin, "uom", "JIN"));
    }

    private static String at(int secondsAfter) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusHours(2)
                .truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(secondsAfter)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static long block(Api.Response response) {
        return Long.parseLong(response.headers().firstValue("X-Block-Number").orElseThrow());
    }

    /** Polls the graph's status until it reflects {@code block} (the start may still be catching up). */
    private static void awaitGraph(Api api, long block) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long height = -1;
        while (System.nanoTime() < deadline) {
            Api.Response status = api.get("regulator", "/api/graph");
            height = Long.parseLong(
                    status.headers().firstValue("X-Ledger-Height").orElse("-1"));
            if (height >= block) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the lineage graph stayed at block " + height + ", not " + block);
    }

    private static List<String> codes(Api.Response lineage) {
        List<String> codes = new ArrayList<>();
        lineage.json()
                .path("nodes")
                .forEach(node -> codes.add(node.path("lotCode").asString()));
        return codes;
    }

    private static Path snapshot(Path data) {
        return data.resolve("read-models").resolve("lineage-graph.bin");
    }

    /** The block a snapshot is at: its header is a magic number, then the height. */
    private static long snapshotHeight(Path data) throws IOException {
        try (InputStream raw = Files.newInputStream(snapshot(data));
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            return in.readLong();
        }
    }

    private static Path log(Path data) {
        return data.resolveSibling(data.getFileName() + "-service.log");
    }

    private static long logLength(Path data) throws IOException {
        return Files.exists(log(data)) ? Files.size(log(data)) : 0;
    }

    private static String logSince(Path data, long from) throws IOException {
        byte[] all = Files.readAllBytes(log(data));
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }

    private static Path serviceJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("service-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().contains("original"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no service jar in target/: package first"));
        }
    }
}
