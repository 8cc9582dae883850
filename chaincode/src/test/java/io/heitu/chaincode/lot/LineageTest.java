package io.heitu.chaincode.lot;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Uom;
import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.Write;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Backward (sources) and forward (destinations) lineage as a bounded, cycle-safe, paginated graph. */
class LineageTest {

    private final World world = World.standard();
    private final World.RiceChain chain = world.riceChain("L");

    @Nested
    class Backward {

        @Test
        void traces_a_bag_back_to_the_paddy_harvested_on_the_plot() {
            JsonNode graph = lineage(RICE_BAG_5KG, chain.bags(), "backward");

            assertThat(lotCodes(graph)).containsExactly(chain.bags(), chain.milled(), chain.dried(), chain.paddy());
            assertThat(depths(graph)).containsExactly(0, 1, 2, 3);
            assertThat(graph.path("root").asText()).isEqualTo("https://id.gs1.org/01/06901234500035/10/L-B");
            assertThat(graph.path("truncated").asBoolean()).isFalse();
            assertThat(graph.has("nextOffset")).isFalse();
            JsonNode paddy = graph.path("nodes").get(3);
            assertThat(paddy.path("producerMsp").asText()).isEqualTo(World.COOP);
            assertThat(paddy.path("locationId").asText()).isEqualTo(World.PLOT);
            assertThat(paddy.path("origin").asText()).isEqualTo("harvest");
            assertThat(paddy.path("status").asText()).isEqualTo("active");
        }

        @Test
        void names_each_step_with_its_kind_and_the_quantities_in_and_out() {
            JsonNode edges = lineage(RICE_BAG_5KG, chain.bags(), "backward").path("edges");

            assertThat(edges.size()).isEqualTo(3);
            JsonNode packing = edges.get(0);
            assertThat(packing.path("kind").asText()).isEqualTo("packing");
            assertThat(packing.path("parent").asText()).endsWith("/10/" + chain.milled());
            assertThat(packing.path("child").asText()).endsWith("/10/" + chain.bags());
            assertThat(packing.path("consumed").toString()).isEqualTo("{\"uom\":\"KGM\",\"value\":5000}");
            assertThat(packing.path("produced").toString()).isEqualTo("{\"uom\":\"H87\",\"value\":1000}");
            assertThat(edges.get(1).path("kind").asText()).isEqualTo("milling");
            assertThat(edges.get(2).path("kind").asText()).isEqualTo("drying");
            assertThat(packing.path("eventId").asText()).startsWith("ni:///sha-256;");
        }

        @Test
        void stops_at_the_depth_asked_for() {
            JsonNode graph = lineage(RICE_BAG_5KG, chain.bags(), "backward", "maxDepth", 1);

            assertThat(lotCodes(graph)).containsExactly(chain.bags(), chain.milled());
        }

        @Test
        void is_only_the_lot_itself_for_a_harvest() {
            assertThat(lotCodes(lineage(PADDY, chain.paddy(), "backward"))).containsExactly(chain.paddy());
        }
    }

    @Nested
    class Forward {

        @Test
        void follows_the_paddy_to_every_lot_made_from_it() {
            JsonNode graph = lineage(PADDY, chain.paddy(), "forward");

            assertThat(lotCodes(graph)).containsExactly(chain.paddy(), chain.dried(), chain.milled(), chain.bags());
            assertThat(graph.path("direction").asText()).isEqualTo("forward");
        }

        @Test
        void shows_a_lot_reached_by_two_paths_once_with_both_edges() {
            world.harvest("L-X", "1000");
            world.ok(
                    world.farmer,
                    "event:Transform",
                    transform(
                            "split",
                            list(lot(PADDY, "L-X", "1000")),
                            list(lot(PADDY, "L-X1", "600"), lot(PADDY, "L-X2", "400"))));
            world.ok(
                    world.farmer,
                    "event:Transform",
                    transform(
                            "merge",
                            list(lot(PADDY, "L-X1", "600"), lot(PADDY, "L-X2", "400")),
                            list(lot(PADDY, "L-XM", "1000"))));

            JsonNode graph = lineage(PADDY, "L-X", "forward");

            assertThat(lotCodes(graph)).containsExactly("L-X", "L-X1", "L-X2", "L-XM");
            List<String> reachingMerge = new ArrayList<>();
            graph.path("edges").forEach(edge -> {
                if (edge.path("child").asText().endsWith("/L-XM")) {
                    reachingMerge.add(edge.path("parent").asText());
                }
            });
            assertThat(reachingMerge).hasSize(2);
            assertThat(graph.path("nodes").get(3).path("origin").asText()).isEqualTo("merge");
        }

        @Test
        void visits_every_lot_once_even_around_a_cycle() {
            // No transaction can make a cycle; a corrupted ledger could, and a trace must still end.
            seedEdge(new LotRef(RICE_BAG_5KG, chain.bags()), new LotRef(PADDY, chain.paddy()));

            JsonNode forward = lineage(PADDY, chain.paddy(), "forward");
            JsonNode backward = lineage(RICE_BAG_5KG, chain.bags(), "backward");

            assertThat(lotCodes(forward)).containsExactly(chain.paddy(), chain.dried(), chain.milled(), chain.bags());
            assertThat(lotCodes(backward)).containsExactly(chain.bags(), chain.milled(), chain.dried(), chain.paddy());
        }
    }

    @Nested
    class Pages {

        @Test
        void cuts_the_same_traversal_into_pages_by_offset() {
            JsonNode first = lineage(PADDY, chain.paddy(), "forward", "pageSize", 3);
            JsonNode second = lineage(PADDY, chain.paddy(), "forward", "pageSize", 3, "offset", 3);

            assertThat(lotCodes(first)).containsExactly(chain.paddy(), chain.dried(), chain.milled());
            assertThat(first.path("truncated").asBoolean()).isTrue();
            assertThat(first.path("nextOffset").asInt()).isEqualTo(3);
            assertThat(lotCodes(second)).containsExactly(chain.bags());
            assertThat(second.path("edges").size()).isEqualTo(1);
            assertThat(second.path("truncated").asBoolean()).isFalse();
        }

        @Test
        void answers_an_empty_page_past_the_end() {
            JsonNode beyond = lineage(PADDY, chain.paddy(), "forward", "offset", 100_000);

            assertThat(beyond.path("nodes").size()).isZero();
            assertThat(beyond.path("truncated").asBoolean()).isFalse();
        }
    }

    @Nested
    class Bounds {

        @Test
        void refuses_a_traversal_reaching_more_than_100_000_lots_but_recalls_the_lot_in_one_write() {
            LotRef root = new LotRef(PADDY, chain.paddy());
            List<Write> edges = new ArrayList<>();
            for (int child = 0; child < 6; child++) {
                LotRef middle = new LotRef(PADDY, "W" + child);
                edges.add(edge(root, middle));
                for (int grandchild = 0; grandchild < 17_000; grandchild++) {
                    edges.add(edge(middle, new LotRef(PADDY, "W" + child + "-" + grandchild)));
                }
            }
            seed(edges);

            Result lineage = world.query(
                    world.regulator,
                    "lot:Lineage",
                    of("gtin", PADDY, "lotCode", chain.paddy(), "direction", "forward", "pageSize", 1));
            Result recall = world.recall(world.regulator, PADDY, chain.paddy(), "cadmium");

            assertThat(lineage).isRefusedWith(ErrorCode.LIMIT_EXCEEDED);
            assertThat(lineage.message()).contains("more than 100000 lots");
            assertThat(recall).isOk();
            assertThat(world.ledger.lastSubmitted().readWriteSet().writes()).hasSizeLessThan(5);
        }

        @Test
        void holds_and_recalls_a_lot_with_more_than_20_000_direct_children() {
            LotRef root = new LotRef(PADDY, chain.paddy());
            List<Write> edges = new ArrayList<>();
            for (int child = 0; child <= 20_000; child++) {
                edges.add(edge(root, new LotRef(PADDY, "C" + child)));
            }
            seed(edges);

            assertThat(world.hold(world.inspector, PADDY, chain.paddy(), "cadmium?"))
                    .isOk();
            assertThat(world.recall(world.regulator, PADDY, chain.paddy(), "cadmium"))
                    .isOk();
            assertThat(world.lot(MILLED_RICE, chain.milled()).path("state").asText())
                    .isEqualTo("recalled");
        }

        @Test
        void refuses_queries_outside_the_bounds() {
            for (Map<String, Object> bad : List.of(
                    J.map("direction", "sideways"),
                    J.map("maxDepth", -1),
                    J.map("maxDepth", 1001),
                    J.map("pageSize", 0),
                    J.map("pageSize", 10_001),
                    J.map("offset", -1),
                    J.map("offset", 100_001),
                    J.map("offset", Integer.MAX_VALUE))) {
                Map<String, Object> request = J.map("gtin", PADDY, "lotCode", chain.paddy());
                request.putAll(bad);

                assertThat(world.query(world.regulator, "lot:Lineage", J.write(request)))
                        .as(bad.toString())
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void answers_not_found_for_an_unknown_lot() {
            assertThat(world.query(world.regulator, "lot:Lineage", of("gtin", PADDY, "lotCode", "NONE")))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }
    }

    /** {@code more}: further fields of the query, as keys and values. */
    private JsonNode lineage(String gtin, String lotCode, String direction, Object... more) {
        Map<String, Object> request = J.map("gtin", gtin, "lotCode", lotCode, "direction", direction);
        request.putAll(J.map(more));
        return world.query(world.regulator, "lot:Lineage", J.write(request)).json();
    }

    private void seedEdge(LotRef parent, LotRef child) {
        seed(List.of(
                edge(parent, child),
                new Write(
                        new CompositeKey(
                                        "lineage", "up", child.gtin(), child.lotCode(), parent.gtin(), parent.lotCode())
                                .toString(),
                        Json.bytes(edgeValue(parent, child)))));
    }

    private void seed(List<Write> writes) {
        world.ledger.state().apply(writes, new Version(1_000_000, 0), "seed", world.ledger.now());
    }

    private static Write edge(LotRef parent, LotRef child) {
        return new Write(
                new CompositeKey("lineage", "down", parent.gtin(), parent.lotCode(), child.gtin(), child.lotCode())
                        .toString(),
                Json.bytes(edgeValue(parent, child)));
    }

    private static Edge edgeValue(LotRef parent, LotRef child) {
        Quantity one = new Quantity(BigDecimal.ONE, Uom.KGM);
        return new Edge(
                parent.epcClass(), child.epcClass(), "ni:///sha-256;00", "split", "2026-10-01T00:00:00.000Z", one, one);
    }

    private static String transform(String kind, List<Object> inputs, List<Object> outputs) {
        return of("kind", kind, "inputs", inputs, "outputs", outputs, "eventTime", "2026-10-02T08:00:00+08:00");
    }

    private static Map<String, Object> lot(String gtin, String lotCode, String kilograms) {
        return J.lot(gtin, lotCode, kilograms, "KGM");
    }

    private static List<String> lotCodes(JsonNode graph) {
        List<String> codes = new ArrayList<>();
        graph.path("nodes").forEach(node -> codes.add(node.path("lotCode").asText()));
        return codes;
    }

    private static List<Integer> depths(JsonNode graph) {
        List<Integer> depths = new ArrayList<>();
        graph.path("nodes").forEach(node -> depths.add(node.path("depth").asInt()));
        return depths;
    }
}
