package io.heitu.service.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Quantity;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graph's own bookkeeping, without a ledger (the equivalence with the chaincode is
 * LineageGraphIT's): standing through diamonds, lots known only from captured edges, neighbours
 * in key order whatever order facts arrive in, a snapshot that reads back as the same graph, and
 * the regulator's held-and-flagged lots against every lot's own standing.
 */
class LotGraphTest {

    private static final String PADDY = "06901234500011";

    @TempDir
    Path dir;

    @Test
    void a_hold_reaches_a_lot_through_either_side_of_a_diamond_and_a_recall_outranks_it() {
        LotGraph graph = new LotGraph();
        // R → A, R → B, A + B → M, and C → M where only C is recalled (B is held).
        graph.apply(List.of(
                lot("R", List.of(), false),
                lot("B", List.of("hold1"), false, "R"),
                lot("A", List.of(), false, "R"),
                lot("C", List.of(), true),
                lot("M", List.of(), false, "A", "B", "C")));

        LineageGraph backward = graph.lineage(epc("M"), false, 64, 100, 0);
        LineageGraph forward = graph.lineage(epc("R"), true, 64, 100, 0);

        assertThat(state(backward, "M")).isEqualTo(LotState.RECALLED);
        assertThat(state(backward, "A")).isEqualTo(LotState.ACTIVE);
        assertThat(state(backward, "B")).isEqualTo(LotState.ON_HOLD);
        assertThat(state(forward, "M")).isEqualTo(LotState.RECALLED);
        assertThat(codes(backward)).containsExactly("M", "A", "B", "C", "R");
        assertThat(codes(forward)).containsExactly("R", "A", "B", "M");
    }

    @Test
    void a_hold_on_a_lot_known_only_from_captured_events_passes_nothing_on() {
        LotGraph graph = new LotGraph();
        graph.apply(List.of(lot("X", List.of(), false, "U")));

        LineageGraph backward = graph.lineage(epc("X"), false, 64, 100, 0);

        assertThat(state(backward, "U")).isEqualTo(LotState.UNVERIFIED);
        assertThat(state(backward, "X")).isEqualTo(LotState.ACTIVE);
        assertThat(backward.edges()).singleElement().satisfies(edge -> {
            assertThat(edge.parent()).isEqualTo(epc("U"));
            assertThat(edge.child()).isEqualTo(epc("X"));
        });
    }

    @Test
    void pages_cut_one_breadth_first_order_in_key_order() {
        LotGraph graph = new LotGraph();
        List<LotFacts> facts = new ArrayList<>();
        facts.add(lot("R", List.of(), false));
        for (String child : List.of("K09", "K01", "K05", "K03", "K07")) {
            facts.add(lot(child, List.of(), false, "R"));
        }
        graph.apply(facts);

        LineageGraph first = graph.lineage(epc("R"), true, 64, 4, 0);
        LineageGraph second = graph.lineage(epc("R"), true, 64, 4, 4);

        assertThat(codes(first)).containsExactly("R", "K01", "K03", "K05");
        assertThat(first.nextOffset()).isEqualTo(4);
        assertThat(codes(second)).containsExactly("K07", "K09");
        assertThat(second.nextOffset()).isNull();
        assertThat(first.edges()).hasSize(3);
        assertThat(second.edges()).hasSize(2);
        assertThat(graph.lineage(epc("R"), true, 0, 10, 0).nodes()).hasSize(1);
    }

    @Test
    void a_snapshot_reads_back_as_the_same_graph_at_the_same_block() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        LotGraph graph = new LotGraph();
        graph.apply(List.of(
                lot("R", List.of("h"), false),
                lot("A/1 测试", List.of(), false, "R"),
                lot("M", List.of(), true, "A/1 测试", "U")));
        graph.height(42);
        GraphSnapshots snapshots = new GraphSnapshots(dir, json);

        snapshots.save(graph);
        LotGraph loaded = snapshots.load().orElseThrow();

        assertThat(loaded.height()).isEqualTo(42);
        assertThat(loaded.lots()).isEqualTo(graph.lots());
        assertThat(loaded.edges()).isEqualTo(graph.edges());
        for (String code : List.of("R", "A/1 测试", "M", "U")) {
            for (boolean forward : List.of(true, false)) {
                assertThat(loaded.lineage(epc(code), forward, 64, 100, 0))
                        .isEqualTo(graph.lineage(epc(code), forward, 64, 100, 0));
            }
        }
        Files.write(snapshots.file(), new byte[] {1, 2, 3});
        assertThat(snapshots.load())
                .as("a damaged snapshot is rebuilt, not trusted")
                .isEmpty();
    }

    @Test
    void holders_and_own_holds_follow_the_latest_facts_of_each_lot() {
        LotGraph graph = new LotGraph();
        graph.apply(List.of(lot("R", List.of("h"), false), lot("A", List.of(), false, "R")));
        LotFacts sold = new LotFacts(
                epc("A"),
                PADDY,
                "A",
                true,
                "ShulanRiceCoopMSP",
                null,
                "split",
                kg(10),
                null,
                List.of(),
                true,
                false,
                List.of(new LotView.Holding("ShulanRiceCoopMSP", kg(0)), new LotView.Holding("RiceMillMSP", kg(10))),
                List.of(),
                List.of());

        assertThat(graph.heldBy("ShulanRiceCoopMSP", 0, 10).total()).isEqualTo(2);
        graph.apply(List.of(sold));

        assertThat(graph.heldBy("ShulanRiceCoopMSP", 0, 10).lots())
                .extracting(LineageGraph.Node::lotCode)
                .containsExactly("R");
        assertThat(graph.heldBy("RiceMillMSP", 0, 10).lots())
                .singleElement()
                .satisfies(node -> assertThat(node.status()).isEqualTo(LotState.RECALLED));
        assertThat(graph.flagged(0, 10).lots())
                .extracting(LineageGraph.Node::lotCode)
                .containsExactly("R", "A");
        assertThat(graph.flagged(1, 10).lots())
                .extracting(LineageGraph.Node::lotCode)
                .containsExactly("A");
        assertThat(graph.heldBy("NobodyMSP", 0, 10).total()).isZero();
    }

    @Test
    void the_held_and_flagged_lots_are_every_held_lot_whose_standing_is_flagged() {
        Random random = new Random(20261206);
        for (int round = 0; round < 200; round++) {
            LotGraph graph = new LotGraph();
            int lots = 1 + random.nextInt(40);
            for (int update = 0; update < lots * 2; update++) {
                int i = random.nextInt(lots);
                List<String> parents = new ArrayList<>();
                for (int p = 0; p < i; p++) {
                    if (random.nextInt(Math.max(1, i / 2)) == 0) {
                        // Some parents are known only from captured events: they pass nothing on.
                        parents.add(random.nextInt(6) == 0 ? "U" + p : "L" + p);
                    }
                }
                List<LotView.Holding> holdings = new ArrayList<>();
                for (String msp : List.of("ShulanRiceCoopMSP", "RiceMillMSP", "ChangchunMartMSP")) {
                    if (random.nextInt(3) == 0) {
                        holdings.add(new LotView.Holding(msp, kg(random.nextInt(3))));
                    }
                }
                graph.apply(List.of(lot(
                        "L" + i,
                        random.nextInt(6) == 0 ? List.of("hold" + update) : List.of(),
                        random.nextInt(12) == 0,
                        holdings,
                        parents.toArray(String[]::new))));
            }

            List<LotClass> expected = new ArrayList<>();
            for (int lot = 0; lot < graph.lots(); lot++) {
                String code = graph.lotCode(lot);
                LotGraph.Detail detail = graph.detail(lot);
                if (detail == null) {
                    continue;
                }
                LotState state = state(graph.lineage(epc(code), false, 0, 1, 0), code);
                List<String> holders = detail.holdings().stream()
                        .filter(holding -> holding.quantity().value().signum() > 0)
                        .map(LotView.Holding::mspId)
                        .toList();
                if ((state == LotState.ON_HOLD || state == LotState.RECALLED) && !holders.isEmpty()) {
                    expected.add(new LotClass(PADDY, code));
                }
            }

            assertThat(graph.heldAndFlagged()).as("round %d", round).isEqualTo(expected);
        }
    }

    /**
     * "My lots" against a model: every lot the organisation holds some of or made, the lot whose facts
     * came in last first, cut into pages at random offsets and sizes; the same after a snapshot.
     */
    @Test
    void my_lots_are_the_held_and_made_lots_the_latest_blocks_named_first() throws Exception {
        Random random = new Random(20261207);
        List<String> msps = List.of("ShulanRiceCoopMSP", "RiceMillMSP", "ChangchunMartMSP");
        GraphSnapshots snapshots = new GraphSnapshots(dir, JsonMapper.builder().build());
        for (int round = 0; round < 150; round++) {
            LotGraph graph = new LotGraph();
            int lots = 1 + random.nextInt(60);
            java.util.Map<String, LotFacts> latest = new java.util.HashMap<>();
            java.util.Map<String, Integer> named = new java.util.HashMap<>();
            int said = 0;
            for (int update = 0; update < lots * 2; update++) {
                List<LotFacts> inBlock = new ArrayList<>();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    String code = "L" + random.nextInt(lots);
                    List<LotView.Holding> holdings = new ArrayList<>();
                    for (String msp : msps) {
                        if (random.nextInt(3) == 0) {
                            holdings.add(new LotView.Holding(msp, kg(random.nextInt(3))));
                        }
                    }
                    String maker = latest.containsKey(code)
                            ? latest.get(code).producerMsp()
                            : msps.get(random.nextInt(msps.size()));
                    // A parent may be named before its own facts come in (numbered after its child).
                    String parent = random.nextInt(4) == 0 ? "L" + random.nextInt(lots) : null;
                    LotFacts facts = made(
                            code, maker, holdings, parent == null || parent.equals(code) ? List.of() : List.of(parent));
                    inBlock.add(facts);
                    latest.put(code, facts);
                    named.put(code, ++said);
                }
                graph.apply(inBlock);
            }
            graph.height(said);

            for (String msp : msps) {
                List<String> expected = latest.values().stream()
                        .filter(facts -> msp.equals(facts.producerMsp())
                                || facts.holdings().stream()
                                        .anyMatch(h -> h.mspId().equals(msp)
                                                && h.quantity().value().signum() > 0))
                        .map(LotFacts::lotCode)
                        .sorted(java.util.Comparator.comparing((String code) -> named.get(code))
                                .reversed())
                        .toList();
                assertThat(pages(graph, msp, random))
                        .as("round %d, %s", round, msp)
                        .isEqualTo(expected);
                assertThat(graph.mine(msp, 0, 1).total()).isEqualTo(expected.size());
                assertThat(graph.mine(msp, expected.size(), 5).lots()).isEmpty();
            }
            snapshots.save(graph);
            LotGraph loaded = snapshots.load().orElseThrow();
            for (String msp : msps) {
                assertThat(loaded.mine(msp, 0, 1000)).isEqualTo(graph.mine(msp, 0, 1000));
            }
        }
        assertThat(new LotGraph().mine("NobodyMSP", 0, 10)).isEqualTo(new LotKeys(0, List.of()));
    }

    /**
     * The regulator's inspection queue against a model, on random graphs of two products: every lot
     * some organisation holds some of, without a lab result, whose standing (its own and its
     * ancestors') is not recalled; the product that must be tested first, then the lot named last;
     * cut into pages at random offsets and sizes.
     */
    @Test
    void the_inspection_queue_is_every_held_untested_lot_not_recalled_the_required_product_first() {
        Random random = new Random(20261208);
        String milled = "06901234500028";
        for (int round = 0; round < 150; round++) {
            LotGraph graph = new LotGraph();
            int lots = 1 + random.nextInt(50);
            java.util.Map<String, Integer> named = new java.util.HashMap<>();
            java.util.Map<String, LotFacts> latest = new java.util.HashMap<>();
            int said = 0;
            for (int update = 0; update < lots * 2; update++) {
                int i = random.nextInt(lots);
                String gtin = i % 3 == 0 ? milled : PADDY;
                List<LineageGraph.Edge> parents = new ArrayList<>();
                for (int p = 0; p < i; p++) {
                    if (random.nextInt(Math.max(1, i / 2)) == 0) {
                        String parentGtin = p % 3 == 0 ? milled : PADDY;
                        parents.add(new LineageGraph.Edge(
                                classOf(parentGtin, "L" + p),
                                classOf(gtin, "L" + i),
                                "ev-" + p + "-" + i,
                                "merge",
                                "2026-10-01T08:00:00Z",
                                kg(1),
                                kg(1)));
                    }
                }
                List<LotView.Holding> holdings = new ArrayList<>();
                for (String msp : List.of("ShulanRiceCoopMSP", "RiceMillMSP")) {
                    if (random.nextInt(2) == 0) {
                        holdings.add(new LotView.Holding(msp, kg(random.nextInt(3))));
                    }
                }
                LotFacts facts = new LotFacts(
                        classOf(gtin, "L" + i),
                        gtin,
                        "L" + i,
                        true,
                        "ShulanRiceCoopMSP",
                        null,
                        "harvest",
                        kg(10),
                        null,
                        random.nextInt(8) == 0 ? List.of("hold" + update) : List.of(),
                        random.nextInt(10) == 0,
                        random.nextInt(3) == 0,
                        holdings,
                        List.of(),
                        parents);
                graph.apply(List.of(facts));
                latest.put(facts.lotCode(), facts);
                named.put(facts.lotCode(), ++said);
            }

            LotMarks memo = graph.standingMemo();
            List<String> expected = new ArrayList<>();
            for (int lot = 0; lot < graph.lots(); lot++) {
                LotFacts facts = latest.get(graph.lotCode(lot));
                if (facts == null
                        || facts.inspected()
                        || facts.holdings().stream()
                                .noneMatch(h -> h.quantity().value().signum() > 0)
                        || graph.state(lot, memo) == LotState.RECALLED) {
                    continue;
                }
                expected.add(facts.lotCode());
            }
            expected.sort(java.util.Comparator.comparing(
                            (String code) -> latest.get(code).gtin().equals(milled))
                    .thenComparing(named::get)
                    .reversed());

            List<String> paged = new ArrayList<>();
            int total = graph.awaitingInspection(java.util.Set.of(milled), 0, 1).total();
            while (paged.size() < total) {
                LotKeys page = graph.awaitingInspection(java.util.Set.of(milled), paged.size(), 1 + random.nextInt(7));
                assertThat(page.lots()).isNotEmpty();
                page.lots().forEach(lot -> paged.add(lot.lotCode()));
            }
            assertThat(paged).as("round %d", round).isEqualTo(expected);
        }
    }

    private static String classOf(String gtin, String code) {
        return "https://id.gs1.org/01/" + gtin + "/10/" + LotGraph.percentEncoded(code);
    }

    /** Past the sizes the graph's arrays start at (1,024 lots): every lot keeps when it was named. */
    @Test
    void my_lots_keep_their_order_as_the_graph_grows_past_its_arrays() throws Exception {
        LotGraph graph = new LotGraph();
        List<String> expected = new ArrayList<>();
        List<LotFacts> block = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // Each lot made from the one before: its parent is numbered before it, the arrays grow mid-block.
            block.add(made("N" + i, "RiceMillMSP", List.of(), i == 0 ? List.of() : List.of("N" + (i - 1))));
            expected.add(0, "N" + i);
            if (block.size() == 7) {
                graph.apply(block);
                block.clear();
            }
        }
        graph.apply(block);
        // Named again: first.
        graph.apply(List.of(made("N17", "RiceMillMSP", List.of(), List.of("N16"))));
        expected.remove("N17");
        expected.add(0, "N17");

        assertThat(graph.mine("RiceMillMSP", 0, 10_000).lots())
                .extracting(LotClass::lotCode)
                .isEqualTo(expected);
        GraphSnapshots snapshots = new GraphSnapshots(dir, JsonMapper.builder().build());
        snapshots.save(graph);
        assertThat(snapshots.load().orElseThrow().mine("RiceMillMSP", 0, 10_000))
                .isEqualTo(graph.mine("RiceMillMSP", 0, 10_000));
    }

    @Test
    void a_snapshot_of_the_format_before_is_rebuilt_not_loaded() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        GraphSnapshots snapshots = new GraphSnapshots(dir, json);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(0x48544731); // "HTG1": each lot's facts, without when it was named or a lab-result flag
            out.writeLong(7);
            out.writeInt(1);
            byte[] one = json.writeValueAsBytes(made("A", "RiceMillMSP", List.of(), List.of()));
            out.writeInt(one.length);
            out.write(one);
        }
        Files.createDirectories(snapshots.file().getParent());
        Files.write(snapshots.file(), bytes.toByteArray());

        assertThat(snapshots.load()).isEmpty();
    }

    private static List<String> pages(LotGraph graph, String msp, Random random) {
        List<String> all = new ArrayList<>();
        int total = graph.mine(msp, 0, 1).total();
        while (all.size() < total) {
            LotKeys page = graph.mine(msp, all.size(), 1 + random.nextInt(7));
            assertThat(page.lots()).isNotEmpty();
            page.lots().forEach(lot -> all.add(lot.lotCode()));
        }
        return all;
    }

    private static LotFacts made(String code, String maker, List<LotView.Holding> holdings, List<String> parents) {
        LotFacts facts = lot(code, List.of(), false, holdings, parents.toArray(String[]::new));
        return new LotFacts(
                facts.lot(),
                facts.gtin(),
                facts.lotCode(),
                true,
                maker,
                facts.locationId(),
                facts.origin(),
                facts.quantity(),
                facts.eventTime(),
                facts.holds(),
                facts.recalled(),
                facts.inspected(),
                facts.holdings(),
                facts.inTransit(),
                facts.parents());
    }

    private static LotFacts lot(String code, List<String> holds, boolean recalled, String... parents) {
        return lot(code, holds, recalled, List.of(new LotView.Holding("ShulanRiceCoopMSP", kg(90))), parents);
    }

    private static LotFacts lot(
            String code, List<String> holds, boolean recalled, List<LotView.Holding> holdings, String... parents) {
        List<LineageGraph.Edge> edges = new ArrayList<>();
        for (String parent : parents) {
            edges.add(new LineageGraph.Edge(
                    epc(parent),
                    epc(code),
                    "ev-" + parent + "-" + code,
                    "merge",
                    "2026-10-01T08:00:00Z",
                    kg(10),
                    kg(10)));
        }
        return new LotFacts(
                epc(code),
                PADDY,
                code,
                true,
                "ShulanRiceCoopMSP",
                "SL-PLOT-07",
                "harvest",
                kg(100),
                "2026-10-01T08:00:00Z",
                holds,
                recalled,
                false,
                holdings,
                List.of(),
                edges);
    }

    private static Quantity kg(int value) {
        return new Quantity(BigDecimal.valueOf(value), "KGM");
    }

    private static String epc(String code) {
        return "https://id.gs1.org/01/" + PADDY + "/10/" + LotGraph.percentEncoded(code);
    }

    private static LotState state(LineageGraph graph, String code) {
        return graph.nodes().stream()
                .filter(node -> node.lotCode().equals(code))
                .findFirst()
                .orElseThrow()
                .status();
    }

    private static List<String> codes(LineageGraph graph) {
        return graph.nodes().stream().map(LineageGraph.Node::lotCode).toList();
    }
}
