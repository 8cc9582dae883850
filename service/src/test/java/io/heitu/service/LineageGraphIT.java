package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.support.Api;
import io.heitu.service.support.CompactLineage;
import io.heitu.service.support.ServiceTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lineage graph read model answers exactly what the chaincode answers: random small graphs of
 * harvests, splits and merges, with holds, a release and a recall on some lots, then every lot's
 * lineage in both directions, page by page, from the read model ({@code /api/graph/…}, at least
 * at the block of the last write) and from the chaincode's own traversal ({@code lot:Lineage}).
 * Runs on both ledgers, like every IT.
 */
class LineageGraphIT extends ServiceTest {

    private static final String PADDY = "06901234500011";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A lot the farmer made and what it still holds of it (jin). */
    private record Made(String lotCode, int held) {}

    @Test
    void the_read_model_answers_every_lineage_page_as_the_chaincode_does() {
        long seed = Long.getLong("heitu.it.seed", System.nanoTime());
        Random random = new Random(seed);
        Api api = api();
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        OffsetDateTime clock =
                OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0);
        List<Made> lots = new ArrayList<>();
        List<String> all = new ArrayList<>();
        long lastBlock = 0;
        for (int i = 0; i < 3; i++) {
            String code = "G" + run + "H" + i;
            Api.Response harvest = api.post("farmer", "/api/lots/harvests", harvest(code, 64, at(clock, i)));
            assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
            lastBlock = block(harvest, lastBlock);
            lots.add(new Made(code, 64));
            all.add(code);
        }
        int made = 0;
        for (int step = 0; step < 10; step++) {
            List<Made> usable = lots.stream().filter(lot -> lot.held() >= 2).toList();
            if (usable.isEmpty()) {
                break;
            }
            boolean merge = usable.size() >= 2 && random.nextBoolean();
            List<Made> inputs = new ArrayList<>();
            inputs.add(usable.get(random.nextInt(usable.size())));
            if (merge) {
                Made other;
                do {
                    other = usable.get(random.nextInt(usable.size()));
                } while (other == inputs.get(0));
                inputs.add(other);
            }
            List<Map<String, Object>> in = new ArrayList<>();
            int total = 0;
            for (Made input : inputs) {
                int take = 1 + random.nextInt(input.held());
                take = Math.max(2, take);
                in.add(line(input.lotCode(), take));
                total += take;
                lots.set(lots.indexOf(input), new Made(input.lotCode(), input.held() - take));
            }
            List<Map<String, Object>> out = new ArrayList<>();
            int outputs = merge ? 1 : 2;
            int left = total;
            for (int o = 0; o < outputs; o++) {
                int amount = o == outputs - 1 ? left : 1 + random.nextInt(left - 1);
                left -= amount;
                String code = "G" + run + "T" + made++;
                out.add(line(code, amount));
                lots.add(new Made(code, amount));
                all.add(code);
            }
            Api.Response transform = api.post(
                    "farmer",
                    "/api/events/transformations",
                    Map.of(
                            "kind",
                            merge ? "merge" : "split",
                            "inputs",
                            in,
                            "outputs",
                            out,
                            "eventTime",
                            at(clock, 10 + step)));
            assertThat(transform.status())
                    .as("seed %d: %s", seed, transform.body())
                    .isEqualTo(201);
            lastBlock = block(transform, lastBlock);
        }
        // Standing flows down the graph: holds on two lots, one released again, and a recall.
        Map<String, String> reasons = new HashMap<>();
        for (int h = 0; h < 2; h++) {
            String lot = all.get(random.nextInt(all.size()));
            if (reasons.putIfAbsent(lot, "hold") == null) {
                Api.Response hold = api.post(
                        "inspector", "/api/lots/" + PADDY + "/" + lot + "/hold", Map.of("reason", "cadmium suspected"));
                assertThat(hold.status()).as(hold.body()).isEqualTo(201);
                lastBlock = block(hold, lastBlock);
            }
        }
        String released = reasons.keySet().iterator().next();
        Api.Response release =
                api.post("inspector", "/api/lots/" + PADDY + "/" + released + "/release", Map.of("reason", "cleared"));
        assertThat(release.status()).as(release.body()).isEqualTo(201);
        lastBlock = block(release, lastBlock);
        String recalled = all.get(random.nextInt(all.size()));
        Api.Response recall = api.post(
                "inspector",
                "/api/lots/" + PADDY + "/" + recalled + "/recall",
                Map.of("reason", "cadmium above limit"));
        assertThat(recall.status()).as(recall.body()).isEqualTo(201);
        lastBlock = block(recall, lastBlock);

        int compared = 0;
        boolean sawHeld = false;
        boolean sawRecalled = false;
        boolean sawEdges = false;
        for (String lot : all) {
            for (String direction : List.of("backward", "forward")) {
                int pageSize = 1 + random.nextInt(4);
                for (int offset = 0; ; offset += pageSize) {
                    String query = "?direction=" + direction + "&pageSize=" + pageSize + "&offset=" + offset;
                    Api.Response fromChaincode =
                            api.get("regulator", "/api/lots/" + PADDY + "/" + lot + "/lineage" + query);
                    Api.Response fromGraph = api.get(
                            "regulator",
                            "/api/graph/lots/" + PADDY + "/" + lot + "/lineage" + query + "&minHeight=" + lastBlock);
                    assertThat(fromChaincode.status()).as(fromChaincode.body()).isEqualTo(200);
                    assertThat(fromGraph.status()).as(fromGraph.body()).isEqualTo(200);
                    assertThat(Long.parseLong(fromGraph
                                    .headers()
                                    .firstValue("X-Ledger-Height")
                                    .orElseThrow()))
                            .isGreaterThanOrEqualTo(lastBlock);
                    LineageGraph expected = JSON.readValue(fromChaincode.body(), LineageGraph.class);
                    LineageGraph actual = JSON.readValue(fromGraph.body(), LineageGraph.class);
                    assertThat(actual)
                            .as("seed %d, lot %s %s", seed, lot, query)
                            .usingRecursiveComparison()
                            .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                            .isEqualTo(expected);
                    Api.Response compact = api.get(
                            "regulator",
                            "/api/graph/lots/" + PADDY + "/" + lot + "/lineage" + query + "&shape=compact&minHeight="
                                    + lastBlock);
                    assertThat(compact.status()).as(compact.body()).isEqualTo(200);
                    assertThat(JSON.treeToValue(CompactLineage.expand(compact.json()), LineageGraph.class))
                            .as("compact: seed %d, lot %s %s", seed, lot, query)
                            .usingRecursiveComparison()
                            .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                            .isEqualTo(expected);
                    compared++;
                    for (LineageGraph.Node node : expected.nodes()) {
                        sawHeld |= node.status() == LotState.ON_HOLD;
                        sawRecalled |= node.status() == LotState.RECALLED;
                    }
                    sawEdges |= !expected.edges().isEmpty();
                    if (expected.nextOffset() == null) {
                        break;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(all.size() * 2 - 1);

        // What the farmer holds and which lots carry a hold or recall of their own, as the chaincode says.
        List<String> heldByFarmer =
                codes(api.get("farmer", "/api/graph/orgs/ShulanRiceCoopMSP/lots?pageSize=10000&minHeight=" + lastBlock)
                        .json());
        List<String> flagged = codes(api.get("regulator", "/api/graph/holds?pageSize=10000&minHeight=" + lastBlock)
                .json());
        for (String lot : all) {
            LotView view = JSON.readValue(
                    api.get("regulator", "/api/lots/" + PADDY + "/" + lot).body(), LotView.class);
            boolean holds = view.heldBy("ShulanRiceCoopMSP")
                    .map(quantity -> quantity.value().signum() > 0)
                    .orElse(false);
            assertThat(heldByFarmer.contains(lot))
                    .as("seed %d: farmer holds %s", seed, lot)
                    .isEqualTo(holds);
            boolean own = !view.lot().holds().isEmpty() || view.lot().recall() != null;
            assertThat(flagged.contains(lot))
                    .as("seed %d: %s has its own hold or recall", seed, lot)
                    .isEqualTo(own);
        }
        assertThat(flagged).contains(recalled);
        assertThat(sawEdges).as("seed %d: the graph has edges", seed).isTrue();
        assertThat(sawRecalled).as("seed %d: a recall reached some page", seed).isTrue();
    }

    @Test
    void a_height_the_read_model_cannot_reach_in_time_is_a_clear_problem() {
        Api.Response harvest = api().post(
                        "farmer",
                        "/api/lots/harvests",
                        harvest(
                                "G"
                                        + UUID.randomUUID()
                                                .toString()
                                                .substring(0, 6)
                                                .toUpperCase(),
                                8,
                                at(
                                        OffsetDateTime.now(ZoneOffset.ofHours(8))
                                                .minusHours(1)
                                                .withNano(0),
                                        0)));
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
        String lot = harvest.headers().firstValue("Location").orElseThrow().replace("/api/lots/", "/api/graph/lots/");

        Api.Response future = api().get("regulator", lot + "/lineage?minHeight=" + Long.MAX_VALUE / 2);
        Api.Response bad = api().get("regulator", lot + "/lineage?direction=sideways");
        Api.Response badShape = api().get("regulator", lot + "/lineage?shape=tiny");
        Api.Response unknown = api().get("regulator", "/api/graph/lots/" + PADDY + "/NO-SUCH-LOT/lineage");
        // The graph holds every holder's quantities: members read only their own holdings from it.
        Api.Response farmersLineage = api().get("farmer", lot + "/lineage");
        Api.Response farmersCompactLineage = api().get("farmer", lot + "/lineage?shape=compact");
        Api.Response competitorsLots = api().get("grocer", "/api/graph/orgs/ShulanRiceCoopMSP/lots");
        Api.Response holds = api().get("miller", "/api/graph/holds");
        for (Api.Response refused : java.util.List.of(farmersLineage, farmersCompactLineage, competitorsLots, holds)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN_READ");
        }

        // A block the ledger has not committed is the request's mistake (400), not an outage: 503
        // READ_MODEL_BEHIND is for a block the ledger has and the graph has not reached in 3 s.
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.contentType()).startsWith("application/problem+json");
        assertThat(future.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(badShape.status()).isEqualTo(400);
        assertThat(badShape.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("LOT_NOT_FOUND");
    }

    @Test
    void an_administrator_rebuilds_the_graph_from_block_0_while_it_keeps_answering() throws Exception {
        Api.Response harvest = api().post(
                        "farmer",
                        "/api/lots/harvests",
                        harvest(
                                "G"
                                        + UUID.randomUUID()
                                                .toString()
                                                .substring(0, 6)
                                                .toUpperCase(),
                                8,
                                at(
                                        OffsetDateTime.now(ZoneOffset.ofHours(8))
                                                .minusHours(1)
                                                .withNano(0),
                                        0)));
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
        long block = block(harvest, 0);
        String lineage =
                harvest.headers().firstValue("Location").orElseThrow().replace("/api/lots/", "/api/graph/lots/")
                        + "/lineage?minHeight=" + block;
        String before = api().get("regulator", lineage).body();

        Api.Response refused = api().post("farmer", "/api/graph/rebuild", Map.of());
        Api.Response started = api().post("admin", "/api/graph/rebuild", Map.of());
        Api.Response during = api().get("regulator", lineage);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (api().get("regulator", "/api/graph").json().path("rebuilding").asBoolean()) {
            assertThat(System.nanoTime()).as("rebuilt within 2 minutes").isLessThan(deadline);
            Thread.sleep(100);
        }
        Api.Response status = api().get("regulator", "/api/graph");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
        assertThat(started.status()).isEqualTo(202);
        assertThat(during.status())
                .as("the old graph answers during the rebuild")
                .isEqualTo(200);
        assertThat(status.json().path("height").asLong()).isGreaterThanOrEqualTo(block);
        assertThat(status.json().path("lots").asInt()).isGreaterThan(0);
        assertThat(api().get("regulator", lineage).body()).isEqualTo(before);
    }

    private static List<String> codes(tools.jackson.databind.JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("lots").forEach(lot -> codes.add(lot.path("lotCode").asString()));
        assertThat(page.path("total").asInt()).isEqualTo(codes.size());
        return codes;
    }

    private static long block(Api.Response response, long last) {
        return Math.max(
                last,
                Long.parseLong(response.headers().firstValue("X-Block-Number").orElseThrow()));
    }

    private static Map<String, Object> line(String lotCode, int jin) {
        return Map.of("gtin", PADDY, "lotCode", lotCode, "quantity", Map.of("value", jin, "uom", "JIN"));
    }

    private static String at(OffsetDateTime start, int step) {
        return start.plusSeconds(step * 10L).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static Map<String, Object> harvest(String lot, int jin, String time) {
        return Map.of(
                "gtin", PADDY,
                "lotCode", lot,
                "quantity", Map.of("value", jin, "uom", "JIN"),
                "plotId", "SL-PLOT-07",
                "eventTime", time);
    }
}
