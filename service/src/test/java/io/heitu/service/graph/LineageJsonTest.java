package io.heitu.service.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Quantity;
import io.heitu.service.support.CompactLineage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lineage page written field by field is byte for byte what the service's mapper writes for
 * the same page as records: on random graphs with holds, recalls, lots known only from captured
 * edges, shipments in transit, missing fields and Chinese text, every lot, both directions, at
 * random page sizes, offsets and depths.
 */
class LineageJsonTest {

    private static final String PADDY = "06901234500011";
    /** As the service's mapper is configured ({@code spring.jackson.default-property-inclusion}). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    @Test
    void streamed_pages_are_the_mappers_bytes_of_the_same_pages() {
        Random random = new Random(20261206);
        for (int round = 0; round < 20; round++) {
            LotGraph graph = randomGraph(random, 5 + random.nextInt(60));
            for (int lot = 0; lot < graph.lots(); lot++) {
                String root = graph.epcClass(lot);
                for (boolean forward : new boolean[] {true, false}) {
                    int depth = random.nextInt(4) == 0 ? random.nextInt(3) : 64;
                    int pageSize = 1 + random.nextInt(12);
                    int offset = random.nextInt(3) == 0 ? 0 : random.nextInt(20);

                    byte[] streamed = graph.lineageJson(root, forward, depth, pageSize, offset, false, JSON);
                    byte[] mapped = JSON.writeValueAsBytes(graph.lineage(root, forward, depth, pageSize, offset));

                    assertThat(new String(streamed, StandardCharsets.UTF_8))
                            .as("round %d, %s %s depth %d page %d at %d", round, root, forward, depth, pageSize, offset)
                            .isEqualTo(new String(mapped, StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void compact_pages_expand_to_the_full_pages() {
        Random random = new Random(20261207);
        int pages = 0;
        for (int round = 0; round < 20; round++) {
            LotGraph graph = randomGraph(random, 5 + random.nextInt(60));
            for (int lot = 0; lot < graph.lots(); lot++) {
                String root = graph.epcClass(lot);
                for (boolean forward : new boolean[] {true, false}) {
                    int depth = random.nextInt(4) == 0 ? random.nextInt(3) : 64;
                    int pageSize = 1 + random.nextInt(12);
                    int offset = random.nextInt(3) == 0 ? 0 : random.nextInt(20);

                    byte[] compact = graph.lineageJson(root, forward, depth, pageSize, offset, true, JSON);
                    byte[] full = graph.lineageJson(root, forward, depth, pageSize, offset, false, JSON);
                    if (full == null) {
                        assertThat(compact).isNull();
                        continue;
                    }
                    pages++;
                    assertThat(CompactLineage.expand(JSON.readTree(compact)))
                            .as("round %d, %s %s depth %d page %d at %d", round, root, forward, depth, pageSize, offset)
                            .isEqualTo(JSON.readTree(full));
                }
            }
        }
        assertThat(pages).isGreaterThan(500);
    }

    @Test
    void a_compact_page_is_a_fraction_of_the_full_one() {
        LotGraph graph = randomGraph(new Random(7), 60);
        String root = graph.epcClass(0);

        int compact = graph.lineageJson(root, true, 64, 1_000, 0, true, JSON).length;
        int full = graph.lineageJson(root, true, 64, 1_000, 0, false, JSON).length;

        assertThat(compact).isLessThan(full / 2);
    }

    @Test
    void a_lot_the_graph_does_not_have_gives_no_page() {
        LotGraph graph = randomGraph(new Random(1), 3);

        assertThat(graph.lineageJson(epc("nowhere"), true, 64, 10, 0, false, JSON))
                .isNull();
    }

    private static LotGraph randomGraph(Random random, int lots) {
        List<LotFacts> facts = new ArrayList<>();
        for (int i = 0; i < lots; i++) {
            String code = "L" + random.nextInt(1000) + (random.nextInt(5) == 0 ? "/批次" : "");
            List<LineageGraph.Edge> parents = new ArrayList<>();
            for (int p = 0; p < i && parents.size() < 4; p++) {
                if (random.nextInt(Math.max(1, i / 2)) == 0) {
                    parents.add(edge(facts.get(p).lot(), epc(code), random));
                }
            }
            if (random.nextInt(8) == 0) {
                parents.add(edge(epc("U" + random.nextInt(50)), epc(code), random)); // known only from an edge
            }
            boolean partial = random.nextInt(6) == 0;
            facts.add(new LotFacts(
                    epc(code),
                    PADDY,
                    code,
                    true,
                    "ShulanRiceCoopMSP",
                    partial ? null : "SL-PLOT-07",
                    partial ? null : "舒兰 \"北\" 田\n",
                    partial ? null : new Quantity(random.nextBoolean() ? null : kg(random), "KGM"),
                    partial ? null : "2026-10-01T08:00:00+08:00",
                    random.nextInt(5) == 0 ? List.of("hold-" + i) : List.of(),
                    random.nextInt(12) == 0,
                    random.nextBoolean(),
                    List.of(new LotView.Holding("ShulanRiceCoopMSP", new Quantity(kg(random), "KGM"))),
                    random.nextInt(4) == 0
                            ? List.of(new LotView.Transit(
                                    "ShulanRiceCoopMSP",
                                    "RiceMillMSP",
                                    partial ? null : "ColdChainMSP",
                                    new Quantity(kg(random), "KGM"),
                                    "ev-" + i,
                                    "2026-10-02T08:00:00Z",
                                    partial ? null : random.nextBoolean()))
                            : List.of(),
                    parents));
        }
        LotGraph graph = new LotGraph();
        graph.apply(facts);
        return graph;
    }

    private static LineageGraph.Edge edge(String parent, String child, Random random) {
        return new LineageGraph.Edge(
                parent,
                child,
                "ev-" + random.nextInt(100),
                random.nextBoolean() ? "split" : "merge",
                random.nextInt(5) == 0 ? null : "2026-10-01T08:00:00Z",
                new Quantity(kg(random), "KGM"),
                random.nextInt(5) == 0 ? null : new Quantity(kg(random), "KGM"));
    }

    private static BigDecimal kg(Random random) {
        return new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(3));
    }

    private static String epc(String code) {
        return "https://id.gs1.org/01/" + PADDY + "/10/" + LotGraph.percentEncoded(code);
    }
}
