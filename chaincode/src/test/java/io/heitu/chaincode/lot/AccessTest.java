package io.heitu.chaincode.lot;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.CARRIER;
import static io.heitu.chaincode.support.World.COOP;
import static io.heitu.chaincode.support.World.INSPECTION;
import static io.heitu.chaincode.support.World.MART;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who reads which lot, role by role, on one rice chain: the cooperative's paddy (A-P) dried (A-D),
 * milled (A-M) and packed by the mill into bags (A-B, shipped through the carrier to the
 * supermarket) and a second bag lot the mill keeps (A-B2); and a paddy lot the cooperative never
 * sold (X-P).
 */
class AccessTest {

    private static final String[] LOTS = {"A-P", "A-D", "A-M", "A-B", "A-B2", "X-P"};

    private World world;
    private World.RiceChain chain;

    @BeforeEach
    void chain() {
        world = World.standard();
        chain = world.riceChain("A");
        world.require(world.transform(
                world.miller,
                "packing",
                list(J.lot(MILLED_RICE, chain.milled(), "1000", "KGM")),
                list(J.lot(RICE_BAG_5KG, "A-B2", "200", "H87"))));
        world.require(world.shipVia(world.miller, MART, CARRIER, RICE_BAG_5KG, chain.bags(), "10", "H87"));
        world.require(world.receive(world.grocer, RICE_BAG_5KG, chain.bags(), "10", "H87"));
        world.require(world.harvest("X-P", "800"));
    }

    @Test
    void each_role_reads_its_own_lots_and_their_lineage_and_nothing_else() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("regulator", "A-P A-D A-M A-B A-B2 X-P");
        expected.put("admin", "A-P A-D A-M A-B A-B2 X-P");
        // The cooperative sees what was made from its paddy, the mill what it made and its sources,
        expected.put("farmer", "A-P A-D A-M A-B A-B2 X-P");
        expected.put("miller", "A-P A-D A-M A-B A-B2");
        // the supermarket and the carrier the bags they handled and what the bags were made from,
        expected.put("grocer", "A-P A-D A-M A-B");
        expected.put("carrier", "A-P A-D A-M A-B");
        // and an inspection body or another farm nothing it was not asked about.
        expected.put("inspector", "");
        expected.put("ginsengFarmer", "");

        assertThat(readable()).isEqualTo(expected);
    }

    @Test
    void an_organisation_lists_only_its_own_lots_and_a_regulator_any() {
        assertThat(world.query(world.grocer, "lot:List", of("mspId", COOP))).isRefusedWith(ErrorCode.FORBIDDEN_READ);
        assertThat(world.query(world.miller, "lot:List", of("mspId", COOP, "produced", true)))
                .isRefusedWith(ErrorCode.FORBIDDEN_READ);
        assertThat(world.query(world.grocer, "lot:List", of("mspId", MART))).isOk();
        assertThat(world.query(world.regulator, "lot:List", of("mspId", COOP))).isOk();
    }

    @Test
    void every_read_of_a_lot_is_refused_to_an_organisation_outside_its_lineage() {
        String lot = of("gtin", PADDY, "lotCode", "X-P");
        assertThat(world.query(world.grocer, "lot:Get", lot)).isRefusedWith(ErrorCode.FORBIDDEN_READ);
        assertThat(world.query(world.grocer, "lot:History", lot)).isRefusedWith(ErrorCode.FORBIDDEN_READ);
        assertThat(world.query(world.grocer, "lot:Events", lot)).isRefusedWith(ErrorCode.FORBIDDEN_READ);
        assertThat(world.query(world.grocer, "lot:Lineage", lot)).isRefusedWith(ErrorCode.FORBIDDEN_READ);
    }

    @Nested
    class Quantities {

        @Test
        void a_lot_seen_through_its_lineage_shows_no_other_holders_quantities() {
            JsonNode milled = world.query(world.grocer, "lot:Get", of("gtin", MILLED_RICE, "lotCode", chain.milled()))
                    .json();

            assertThat(milled.path("holdings").size()).isZero();
            assertThat(milled.has("remaining")).isFalse();
            assertThat(milled.at("/lot/provenance/producerMsp").asText()).isEqualTo(MILL);
        }

        @Test
        void a_holder_sees_its_own_holding_and_not_the_others() {
            JsonNode bags = world.query(world.grocer, "lot:Get", of("gtin", RICE_BAG_5KG, "lotCode", chain.bags()))
                    .json();

            assertThat(bags.path("holdings").toString())
                    .isEqualTo("[{\"mspId\":\"ChangchunMartMSP\",\"quantity\":{\"uom\":\"H87\",\"value\":10}}]");
            assertThat(bags.has("remaining")).isFalse();
        }

        @Test
        void the_maker_of_a_lot_sees_what_remains_and_a_regulator_every_holder() {
            JsonNode byMill = world.query(world.miller, "lot:Get", of("gtin", RICE_BAG_5KG, "lotCode", chain.bags()))
                    .json();
            JsonNode byRegulator = world.query(
                            world.regulator, "lot:Get", of("gtin", RICE_BAG_5KG, "lotCode", chain.bags()))
                    .json();

            assertThat(byMill.path("remaining").path("value").asInt()).isEqualTo(1000);
            assertThat(byMill.path("holdings").size()).isEqualTo(1);
            assertThat(byRegulator.path("holdings").size()).isEqualTo(2);
        }
    }

    @Nested
    class LineageGraph {

        @Test
        void a_lot_of_the_graph_the_caller_is_no_party_to_shows_only_its_place() {
            JsonNode graph = world.query(
                            world.grocer,
                            "lot:Lineage",
                            of("gtin", MILLED_RICE, "lotCode", chain.milled(), "direction", "forward"))
                    .json();

            Map<String, String> status = new TreeMap<>();
            graph.path("nodes")
                    .forEach(node -> status.put(
                            node.path("lotCode").asText(), node.path("status").asText()));
            assertThat(status).containsEntry("A-B", "active").containsEntry("A-B2", "restricted");
            JsonNode restricted = node(graph, "A-B2");
            assertThat(restricted.has("producerMsp")).isFalse();
            assertThat(restricted.has("holdings")).isFalse();
            assertThat(node(graph, "A-M").path("holdings").size()).isZero();
        }

        private JsonNode node(JsonNode graph, String lotCode) {
            for (JsonNode node : graph.path("nodes")) {
                if (node.path("lotCode").asText().equals(lotCode)) {
                    return node;
                }
            }
            throw new AssertionError("no node " + lotCode);
        }
    }

    @Nested
    class Events {

        @Test
        void an_event_is_read_by_whoever_reads_one_of_its_lots() {
            String soldPaddy = world.lot(PADDY, chain.paddy())
                    .at("/lot/provenance/eventId")
                    .asText();
            String keptPaddy =
                    world.lot(PADDY, "X-P").at("/lot/provenance/eventId").asText();

            assertThat(world.query(world.grocer, "event:Get", of("eventId", soldPaddy)))
                    .isOk();
            assertThat(world.query(world.grocer, "event:Get", of("eventId", keptPaddy)))
                    .isRefusedWith(ErrorCode.FORBIDDEN_READ);
            assertThat(world.query(world.grocer, "event:GetMany", of("eventIds", List.of(soldPaddy, keptPaddy))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_READ);
            JsonNode byGrocer = world.query(
                            world.grocer, "event:Readable", of("eventIds", List.of(keptPaddy, soldPaddy)))
                    .json();
            assertThat(byGrocer.path("readable").toString()).isEqualTo("[\"" + soldPaddy + "\"]");
            // The supermarket reads the harvest of the paddy its bags came from only through lineage.
            assertThat(byGrocer.path("withoutQuantities").toString()).isEqualTo("[\"" + soldPaddy + "\"]");
            JsonNode byRegulator = world.query(world.regulator, "event:Readable", of("eventIds", List.of(keptPaddy)))
                    .json();
            assertThat(byRegulator.path("readable").size()).isEqualTo(1);
            assertThat(byRegulator.path("withoutQuantities").size()).isZero();
        }

        @Test
        void an_event_seen_only_through_lineage_is_read_without_its_quantities() {
            String harvest = world.lot(PADDY, chain.paddy())
                    .at("/lot/provenance/eventId")
                    .asText();
            String byId = of("eventId", harvest);

            JsonNode asGrocer = world.query(world.grocer, "event:Get", byId).json();
            JsonNode asFarmer = world.query(world.farmer, "event:Get", byId).json();
            JsonNode asInspectorOrRegulator =
                    world.query(world.regulator, "event:Get", byId).json();
            JsonNode manyAsGrocer = world.query(world.grocer, "event:GetMany", of("eventIds", List.of(harvest)))
                    .json()
                    .path(0);

            // The cooperative recorded the harvest: it reads how much; so does the regulator.
            assertThat(asFarmer.at("/event/quantityList/0/quantity").isNumber()).isTrue();
            assertThat(asInspectorOrRegulator
                            .at("/event/quantityList/0/quantity")
                            .isNumber())
                    .isTrue();
            // The supermarket reads that this paddy was harvested, where and when, not how much.
            for (JsonNode grocers : List.of(asGrocer, manyAsGrocer)) {
                JsonNode entry = grocers.at("/event/quantityList/0");
                assertThat(entry.path("epcClass").asText()).contains(chain.paddy());
                assertThat(entry.has("quantity")).isFalse();
                assertThat(entry.has("uom")).isFalse();
                assertThat(grocers.at("/event/eventTime").asText())
                        .isEqualTo(asFarmer.at("/event/eventTime").asText());
            }
            // The stored event is untouched: the farmer's read after the grocer's is whole.
            assertThat(world.query(world.farmer, "event:Get", byId)
                            .json()
                            .at("/event/quantityList/0/quantity")
                            .isNumber())
                    .isTrue();
        }
    }

    @Nested
    class Inspectors {

        @Test
        void read_a_lot_once_a_party_to_it_asks_them_to_inspect_it() {
            String kept = of("gtin", PADDY, "lotCode", "X-P");
            assertThat(world.query(world.inspector, "lot:Get", kept)).isRefusedWith(ErrorCode.FORBIDDEN_READ);

            world.ok(
                    world.farmer,
                    "lot:RequestInspection",
                    of("gtin", PADDY, "lotCode", "X-P", "inspectorMsp", INSPECTION));

            assertThat(world.query(world.inspector, "lot:Get", kept)).isOk();
            JsonNode asked = world.query(world.inspector, "lot:List", of("mspId", INSPECTION, "asked", true))
                    .json();
            assertThat(asked.path("items").findValuesAsText("lotCode")).containsExactly("X-P");
            assertThat(world.query(world.inspector, "lot:Get", of("gtin", PADDY, "lotCode", chain.paddy())))
                    .isRefusedWith(ErrorCode.FORBIDDEN_READ);
        }

        @Test
        void read_a_lot_they_held_with_every_holder_of_it() {
            String bags = of("gtin", RICE_BAG_5KG, "lotCode", chain.bags());
            assertThat(world.query(world.inspector, "lot:Get", bags)).isRefusedWith(ErrorCode.FORBIDDEN_READ);

            world.require(world.hold(world.inspector, RICE_BAG_5KG, chain.bags(), "sampling"));

            // It sees where the goods are, every holder of each lot it reads, as a regulator does.
            JsonNode held = world.query(world.inspector, "lot:Get", bags).json();
            assertThat(held.path("holdings").size()).isEqualTo(2);
            assertThat(held.path("remaining").path("value").asInt()).isEqualTo(1000);
        }

        @Test
        void are_asked_only_by_a_party_to_the_lot_and_only_inspection_bodies_are_asked() {
            assertThat(world.ledger.submit(
                            world.grocer,
                            "lot:RequestInspection",
                            of("gtin", PADDY, "lotCode", "X-P", "inspectorMsp", INSPECTION)))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(world.ledger.submit(
                            world.farmer,
                            "lot:RequestInspection",
                            of("gtin", PADDY, "lotCode", "X-P", "inspectorMsp", MART)))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }
    }

    /**
     * For every user and many random lists of lots (repeats and every order included), lot:GetMany
     * answers exactly what lot:Get answers for each, in the order asked, or is refused as the first
     * refused lot:Get is.
     */
    @Test
    void many_lots_at_once_answer_as_one_at_a_time() {
        java.util.Random random = new java.util.Random(13);
        List<Enrollment> users =
                List.of(world.regulator, world.farmer, world.miller, world.grocer, world.carrier, world.inspector);
        String[] codes = {"A-P", "A-D", "A-M", "A-B", "A-B2", "X-P", "NO-SUCH"};
        for (int round = 0; round < 120; round++) {
            Enrollment user = users.get(random.nextInt(users.size()));
            List<Map<String, Object>> asked = new ArrayList<>();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                String lotCode = codes[random.nextInt(codes.length)];
                asked.add(J.map("gtin", gtinOf(lotCode), "lotCode", lotCode));
            }
            List<JsonNode> oneByOne = new ArrayList<>();
            Result refusal = null;
            for (Map<String, Object> lot : asked) {
                Result one = world.query(user, "lot:Get", J.write(lot));
                if (!one.ok()) {
                    refusal = one;
                    break;
                }
                oneByOne.add(one.json());
            }
            Result many = world.query(user, "lot:GetMany", of("lots", asked));
            if (refusal == null) {
                List<JsonNode> answered = new ArrayList<>();
                many.json().forEach(answered::add);
                assertThat(answered).as("%s", asked).isEqualTo(oneByOne);
            } else {
                assertThat(many.error()).as("%s", asked).isEqualTo(refusal.error());
            }
        }
    }

    @Test
    void many_lots_at_once_are_one_to_two_hundred() {
        Map<String, Object> lot = J.map("gtin", PADDY, "lotCode", chain.paddy());
        assertThat(world.query(world.regulator, "lot:GetMany", of("lots", List.of())))
                .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        assertThat(world.query(world.regulator, "lot:GetMany", of("lots", java.util.Collections.nCopies(201, lot))))
                .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        assertThat(world.query(world.regulator, "lot:GetMany", of("lots", java.util.Collections.nCopies(200, lot))))
                .isOk();
    }

    private Map<String, String> readable() {
        Map<String, Enrollment> users = new LinkedHashMap<>();
        users.put("regulator", world.regulator);
        users.put("admin", world.admin);
        users.put("farmer", world.farmer);
        users.put("miller", world.miller);
        users.put("grocer", world.grocer);
        users.put("carrier", world.carrier);
        users.put("inspector", world.inspector);
        users.put("ginsengFarmer", world.ginsengFarmer);
        Map<String, String> readable = new LinkedHashMap<>();
        users.forEach((name, user) -> {
            List<String> lots = new ArrayList<>();
            for (String lotCode : LOTS) {
                Result result = world.query(user, "lot:Get", of("gtin", gtinOf(lotCode), "lotCode", lotCode));
                if (result.ok()) {
                    lots.add(lotCode);
                } else {
                    assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_READ);
                }
            }
            readable.put(name, String.join(" ", lots));
        });
        return readable;
    }

    private static String gtinOf(String lotCode) {
        return switch (lotCode) {
            case "A-M" -> MILLED_RICE;
            case "A-B", "A-B2" -> RICE_BAG_5KG;
            default -> PADDY;
        };
    }
}
