package io.heitu.chaincode.event;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.MART;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CaptureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode REFERENCE = resource("reference-hashes.json");
    private static final String UPSTREAM = "urn:epc:class:lgtin:4012345.012345.UP-7";

    private World world;

    @BeforeEach
    void chain() {
        world = World.standard();
        world.harvest("C-P", "1000", "2026-09-28T09:00:00+08:00");
    }

    static Stream<String> officialDocuments() {
        List<String> files = new ArrayList<>();
        REFERENCE.get("examples").fieldNames().forEachRemaining(files::add);
        REFERENCE
                .get("excluded")
                .fieldNames()
                .forEachRemaining(name -> files.add(name.substring("examples/".length())));
        return files.stream()
                .filter(file -> !file.equals("EPCISQueryDocument.jsonld"))
                .sorted();
    }

    @Nested
    class OfficialExamples {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.heitu.chaincode.event.CaptureTest#officialDocuments")
        void are_captured_under_the_reference_hash_ids_as_unverified_upstream_and_once(String file) {
            JsonNode document = resource("examples/" + file);

            Result first = capture(world.grocer, document);
            Result again = capture(world.grocer, document);

            assertThat(first).isOk();
            List<String> ids = first.json().path("results").findValuesAsText("eventId");
            JsonNode reference = REFERENCE.path("examples").path(file);
            if (!reference.isMissingNode()) {
                List<String> expected = new ArrayList<>();
                reference.forEach(hash -> expected.add(hash.asText()));
                assertThat(ids).containsExactlyElementsOf(expected);
            }
            assertThat(first.json().path("results").findValuesAsText("verified"))
                    .containsOnly("false");
            assertThat(again.json().path("results").findValuesAsText("duplicate"))
                    .containsOnly("true");
            JsonNode stored = world.query(world.regulator, "event:Get", of("eventId", ids.get(ids.size() - 1)))
                    .json();
            assertThat(stored.path("verified").asBoolean(true)).isFalse();
            assertThat(stored.at("/event/eventID").asText()).isEqualTo(ids.get(ids.size() - 1));
            assertThat(stored.at("/event/recordTime").asText()).isEqualTo("2026-10-05T02:00:00.000Z");
            List<JsonNode> declared = new ArrayList<>();
            document.get("@context").forEach(entry -> {
                if (entry.isObject()) {
                    declared.add(entry);
                }
            });
            if (!declared.isEmpty()) {
                assertThat(stored.at("/event/@context")).containsAll(declared);
            }
        }

        @Test
        void an_error_declaration_of_an_event_on_the_ledger_is_added_to_it() {
            ObjectNode event = upstreamObservation();
            String id = capture(world.grocer, List.of(event))
                    .json()
                    .at("/results/0/eventId")
                    .asText();
            ObjectNode declared = event.deepCopy();
            declared.putObject("errorDeclaration")
                    .put("declarationTime", "2026-10-02T00:00:00+08:00")
                    .put("reason", "incorrect_data");

            Result result = capture(world.grocer, List.of(declared));

            assertThat(result).isOk();
            assertThat(result.json().at("/results/0/eventId").asText()).isEqualTo(id);
            assertThat(result.json().at("/results/0/duplicate").asBoolean()).isFalse();
            JsonNode stored =
                    world.query(world.regulator, "event:Get", of("eventId", id)).json();
            assertThat(stored.at("/event/errorDeclaration/reason").asText()).isEqualTo("incorrect_data");
            assertThat(capture(world.grocer, List.of(declared))
                            .json()
                            .at("/results/0/duplicate")
                            .asBoolean())
                    .isTrue();
        }

        @Test
        void names_every_captured_event_in_the_one_chaincode_event_of_the_transaction() {
            Result result = capture(world.grocer, List.of(upstreamObservation(), upstreamShipment("300")));

            assertThat(result.event().getEventName()).isEqualTo("EventsCaptured");
            String payload = result.event().getPayload().toStringUtf8();
            for (String id : result.json().path("results").findValuesAsText("eventId")) {
                assertThat(payload).contains(id);
            }
            assertThat(payload).contains("https://id.gs1.org/01/04012345123456/10/UP-7");
        }
    }

    @Nested
    class KnownLots {

        @Test
        void a_shipment_by_the_holder_takes_its_quantity_into_transit_to_the_named_organisation() {
            Result result = capture(world.farmer, List.of(shipment("C-P", "400", "urn:heitu:org:" + MILL)));

            assertThat(result).isOk();
            assertThat(result.json().at("/results/0/verified").asBoolean()).isTrue();
            assertThat(world.held(PADDY, "C-P", World.COOP)).isEqualTo("600");
            assertThat(world.receive(world.miller, PADDY, "C-P", "400", "KGM")).isOk();
            assertThat(world.held(PADDY, "C-P", MILL)).isEqualTo("400");
        }

        @Test
        void a_shipment_by_an_organisation_that_holds_none_is_refused_and_changes_nothing() {
            Result result = capture(
                    world.grocer, List.of(upstreamObservation(), shipment("C-P", "400", "urn:heitu:org:" + MILL)));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(result.message()).contains("event 1:");
            assertThat(world.held(PADDY, "C-P", World.COOP)).isEqualTo("1000");
        }

        @Test
        void a_shipment_of_more_than_is_held_is_refused() {
            assertThat(capture(world.farmer, List.of(shipment("C-P", "1200", "urn:heitu:org:" + MILL))))
                    .isRefusedWith(ErrorCode.INSUFFICIENT_QUANTITY);
        }

        @Test
        void a_shipment_of_a_recalled_lot_is_refused_and_a_return_of_it_goes_only_to_its_supplier() {
            world.require(world.ship(world.farmer, MILL, PADDY, "C-P", "100", "KGM"));
            world.require(world.receive(world.miller, PADDY, "C-P", "100", "KGM"));
            world.require(world.recall(world.inspector, PADDY, "C-P", "cadmium"));

            assertThat(capture(world.farmer, List.of(shipment("C-P", "100", "urn:heitu:org:" + MILL))))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            ObjectNode toTheMill =
                    shipment("C-P", "100", "urn:heitu:org:" + MILL).put("disposition", "returned");
            assertThat(capture(world.farmer, List.of(toTheMill))).isRefusedWith(ErrorCode.RETURN_NOT_TO_SUPPLIER);
            ObjectNode toTheMart =
                    shipment("C-P", "50", "urn:heitu:org:" + MART).put("disposition", "returned");
            assertThat(capture(world.miller, List.of(toTheMart))).isRefusedWith(ErrorCode.RETURN_NOT_TO_SUPPLIER);
            ObjectNode toTheCoop =
                    shipment("C-P", "50", "urn:heitu:org:" + World.COOP).put("disposition", "returned");
            assertThat(capture(world.miller, List.of(toTheCoop))).isOk();
            assertThat(world.lot(PADDY, "C-P").path("state").asText()).isEqualTo("recalled");
        }

        @Test
        void a_shipment_must_state_its_quantity_and_destination() {
            ObjectNode noQuantity = shipment("C-P", "100", "urn:heitu:org:" + MILL);
            ((ObjectNode) noQuantity.withArray("quantityList").get(0)).remove("quantity");
            ObjectNode nowhere = shipment("C-P", "100", "urn:heitu:org:" + MILL);
            nowhere.remove("destinationList");

            assertThat(capture(world.farmer, List.of(noQuantity))).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(capture(world.farmer, List.of(nowhere))).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(capture(world.farmer, List.of(shipment("C-P", "100", "urn:heitu:org:" + World.COOP))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void a_shipment_to_a_party_outside_the_consortium_stays_in_transit_to_it() {
            String buyer = "https://id.gs1.org/417/4012345000016";

            assertThat(capture(world.farmer, List.of(shipment("C-P", "250", buyer))))
                    .isOk();

            JsonNode lot = world.lot(PADDY, "C-P");
            assertThat(lot.at("/inTransit/0/toMsp").asText()).isEqualTo(buyer);
            assertThat(lot.at("/remaining/value").decimalValue()).isEqualByComparingTo("1000");
        }

        @Test
        void a_receipt_sale_and_disposal_follow_the_rules_of_their_own_transactions() {
            world.require(world.ship(world.farmer, MART, PADDY, "C-P", "300", "KGM"));
            ObjectNode receipt = movement("receiving", "C-P", "300");
            receipt.putArray("sourceList")
                    .addObject()
                    .put("type", "owning_party")
                    .put("source", "urn:heitu:org:" + World.COOP);

            assertThat(capture(world.grocer, List.of(receipt))).isOk();
            assertThat(capture(world.grocer, List.of(movement("retail_selling", "C-P", "100"))))
                    .isOk();
            assertThat(capture(
                            world.grocer,
                            List.of(movement("destroying", "C-P", "50").put("action", "DELETE"))))
                    .isOk();
            assertThat(world.held(PADDY, "C-P", MART)).isEqualTo("150");
            assertThat(capture(world.grocer, List.of(movement("receiving", "C-P", "1"))))
                    .isRefusedWith(ErrorCode.NOTHING_IN_TRANSIT);
        }

        @Test
        void an_observation_needs_an_organisation_involved_with_the_lot_and_no_status_disposition() {
            ObjectNode storing = movement("storing", "C-P", "1");

            assertThat(capture(world.farmer, List.of(storing))).isOk();
            assertThat(capture(world.grocer, List.of(movement("storing", "C-P", "2"))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(capture(
                            world.farmer,
                            List.of(movement("storing", "C-P", "3").put("disposition", "recalled"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(capture(
                            world.farmer,
                            List.of(movement("commissioning", "C-P", "4").put("action", "ADD"))))
                    .isRefusedWith(ErrorCode.LOT_EXISTS);
        }

        @Test
        void an_aggregation_of_a_known_lot_needs_its_holder() {
            ObjectNode packing = event("AggregationEvent", "packing", "2026-09-30T09:00:00+08:00")
                    .put("action", "ADD")
                    .put("parentID", "urn:epc:id:sscc:0614141.1234567890");
            packing.putArray("childQuantityList").add(line("C-P", "10"));

            assertThat(capture(world.farmer, List.of(packing))).isOk();
            assertThat(capture(world.grocer, List.of(packing.put("eventTime", "2026-09-30T10:00:00+08:00"))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void an_event_dated_in_the_future_is_refused() {
            assertThat(capture(world.grocer, List.of(upstreamObservation().put("eventTime", "2027-01-01T00:00:00Z"))))
                    .isRefusedWith(ErrorCode.FUTURE_EVENT_TIME);
        }
    }

    @Nested
    class Transformations {

        @Test
        void takes_known_inputs_makes_the_outputs_and_links_upstream_lots_as_unverified() {
            ObjectNode drying = event("TransformationEvent", "commissioning", "2026-09-30T09:00:00+08:00");
            drying.putArray("inputQuantityList").add(line("C-P", "300")).add(element(UPSTREAM, "200"));
            drying.putArray("outputQuantityList").add(line("C-D", "280"));

            Result result = capture(world.farmer, List.of(drying));

            assertThat(result).isOk();
            assertThat(result.json().at("/results/0/verified").asBoolean()).isFalse();
            assertThat(world.held(PADDY, "C-P", World.COOP)).isEqualTo("700");
            assertThat(world.held(PADDY, "C-D", World.COOP)).isEqualTo("280");
            JsonNode lineage = world.query(
                            world.farmer, "lot:Lineage", of("gtin", PADDY, "lotCode", "C-D", "direction", "backward"))
                    .json();
            assertThat(lineage.path("nodes").findValuesAsText("status"))
                    .containsExactlyInAnyOrder("active", "active", "unverified");
            assertThat(lineage.at("/nodes/0/holdings/0/mspId").asText()).isEqualTo(World.COOP);
            assertThat(lineage.path("edges").findValuesAsText("kind")).containsOnly("commissioning");
        }

        @Test
        void of_known_inputs_only_keeps_the_mass_balance() {
            ObjectNode drying = event("TransformationEvent", "commissioning", "2026-09-30T09:00:00+08:00");
            drying.putArray("inputQuantityList").add(line("C-P", "300"));
            drying.putArray("outputQuantityList").add(line("C-D", "400"));

            assertThat(capture(world.farmer, List.of(drying))).isRefusedWith(ErrorCode.MASS_BALANCE_VIOLATED);
        }

        @Test
        void with_unknown_inputs_too_makes_no_more_than_the_known_inputs_weigh() {
            ObjectNode drying = event("TransformationEvent", "commissioning", "2026-09-30T09:00:00+08:00");
            drying.putArray("inputQuantityList").add(line("C-P", "300")).add(element(UPSTREAM, "200"));
            drying.putArray("outputQuantityList").add(line("C-D", "400"));

            assertThat(capture(world.farmer, List.of(drying))).isRefusedWith(ErrorCode.MASS_BALANCE_VIOLATED);
            assertThat(world.held(PADDY, "C-P", World.COOP)).isEqualTo("1000");
        }

        @Test
        void of_unknown_inputs_only_makes_no_lot_of_a_product_registered_here() {
            ObjectNode fromNothing = event("TransformationEvent", "commissioning", "2026-09-30T09:00:00+08:00");
            fromNothing.putArray("inputQuantityList").add(element(UPSTREAM, "200"));
            fromNothing.putArray("outputQuantityList").add(line("C-N", "100"));

            assertThat(capture(world.farmer, List.of(fromNothing))).isRefusedWith(ErrorCode.MASS_BALANCE_VIOLATED);
        }

        @Test
        void may_only_be_captured_by_a_role_that_may_transform() {
            world.require(world.ship(world.farmer, MART, PADDY, "C-P", "1", "KGM"));
            world.require(world.receive(world.grocer, PADDY, "C-P", "1", "KGM"));
            ObjectNode milling = event("TransformationEvent", "commissioning", "2026-09-30T09:00:00+08:00");
            milling.putArray("inputQuantityList").add(line("C-P", "0.001")).add(element(UPSTREAM, "5"));
            milling.putArray("outputQuantityList")
                    .addObject()
                    .put("epcClass", "https://id.gs1.org/01/" + MILLED_RICE + "/10/C-BIG")
                    .put("quantity", new BigDecimal("999999999"))
                    .put("uom", "KGM");

            assertThat(capture(world.grocer, List.of(milling))).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
            assertThat(world.held(PADDY, "C-P", MART)).isEqualTo("1");
        }

        @Test
        void refuses_an_output_that_already_exists() {
            ObjectNode again = event("TransformationEvent", "commissioning", "2026-09-30T09:00:00+08:00");
            again.putArray("inputQuantityList").add(element(UPSTREAM, "200"));
            again.putArray("outputQuantityList").add(line("C-P", "100"));

            assertThat(capture(world.farmer, List.of(again))).isRefusedWith(ErrorCode.LOT_EXISTS);
        }

        @Test
        void of_unknown_lots_only_links_their_lineage_and_changes_no_holding() {
            ObjectNode upstream = event("TransformationEvent", null, "2026-09-20T09:00:00+08:00");
            upstream.putArray("inputQuantityList").add(element("urn:epc:class:lgtin:4012345.012345.SEED-1", "10"));
            upstream.putArray("outputQuantityList").add(element(UPSTREAM, "9"));

            Result result = capture(world.farmer, List.of(upstream));

            assertThat(result).isOk();
            assertThat(world.ledger.stored("lineage", "up", "04012345123456", "UP-7", "04012345123456", "SEED-1"))
                    .contains("\"kind\":\"transformation\"");
        }
    }

    @Test
    void another_system_cannot_link_a_lot_of_a_product_registered_here_before_it_exists() {
        ObjectNode earlier = event("TransformationEvent", null, "2026-09-20T09:00:00+08:00");
        earlier.putArray("inputQuantityList").add(line("C-LATER", "10"));
        earlier.putArray("outputQuantityList").add(element("urn:epc:class:lgtin:4012345.012345.DOWN-1", "9"));
        assertThat(capture(world.farmer, List.of(earlier))).isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        world.require(world.harvest("C-LATER", "100", "2026-09-28T10:00:00+08:00"));

        assertThat(world.recall(world.inspector, PADDY, "C-LATER", "cadmium")).isOk();
        assertThat(world.lot(PADDY, "C-LATER").path("state").asText()).isEqualTo("recalled");
    }

    // Helpers

    /** Inspection, grading, hold and release are oversight roles' acts: no member captures them on its goods. */
    @Nested
    class ActsOfOversight {

        @Test
        void an_inspecting_event_with_a_grade_on_the_farmers_own_lot_is_refused() {
            ObjectNode graded = movement("inspecting", "C-P", "1000");
            graded.putObject("jl:grade").put("label", "特级");

            Result result = capture(world.farmer, List.of(graded));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_OVERSIGHT_STEP);
            assertThat(result.message()).contains("business step inspecting");
        }

        @Test
        void a_holding_event_releasing_the_lot_is_refused_in_any_spelling() {
            ObjectNode released = movement("https://ref.gs1.org/cbv/BizStep-holding", "C-P", "1000");
            released.put("jl:statusAction", "release");

            assertThat(capture(world.farmer, List.of(released))).isRefusedWith(ErrorCode.FORBIDDEN_OVERSIGHT_STEP);
        }

        @Test
        void a_grade_or_status_field_is_refused_under_any_step_and_any_prefix_bound_to_our_namespace() {
            ObjectNode storing = movement("storing", "C-P", "1000");
            storing.putObject("x:grade").put("label", "特级");
            String document = J.write(map(
                    "context",
                    list(
                            "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                            map("x", "https://ns.heitu.io/jilin/")),
                    "events",
                    List.of(storing)));

            assertThat(world.ledger.submit(world.farmer, "event:Capture", document))
                    .isRefusedWith(ErrorCode.FORBIDDEN_OVERSIGHT_STEP);
        }

        @Test
        void a_conformant_disposition_is_an_inspection_result_and_refused() {
            ObjectNode conformant = movement("storing", "C-P", "1000").put("disposition", "conformant");

            assertThat(capture(world.farmer, List.of(conformant))).isRefusedWith(ErrorCode.FORBIDDEN_OVERSIGHT_STEP);
        }

        @Test
        void another_systems_inspection_of_its_own_lots_is_stored_unverified() {
            Result result = capture(world.grocer, List.of(upstreamObservation()));

            assertThat(result).isOk();
            assertThat(result.json().at("/results/0/verified").asBoolean()).isFalse();
        }
    }

    @Nested
    class AWholeDocument {

        /** The service's advertised capture limit: a partner's document is one transaction. */
        private static final int LIMIT = 500;

        private List<ObjectNode> upstream(int count) {
            List<ObjectNode> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                events.add(upstreamObservation()
                        .put("eventTime", String.format("2026-09-29T%02d:%02d:%02dZ", i / 3600, i / 60 % 60, i % 60)));
            }
            return events;
        }

        @Test
        void of_the_advertised_limit_is_captured_in_one_transaction() {
            Result result = capture(world.grocer, upstream(LIMIT));

            assertThat(result).isOk();
            assertThat(result.json().path("results")).hasSize(LIMIT);
        }

        @Test
        void with_one_refused_event_anywhere_leaves_nothing_on_the_ledger() {
            List<ObjectNode> events = upstream(LIMIT - 1);
            events.add(shipment("C-P", "400", "urn:heitu:org:" + MILL));

            Result result = capture(world.grocer, events);

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(result.message()).contains("event " + (LIMIT - 1) + ":");
            Result again = capture(world.grocer, events.subList(0, LIMIT - 1));
            assertThat(again).isOk();
            assertThat(again.json().path("results").findValuesAsText("duplicate"))
                    .as("none of the first %d was kept by the refused transaction", LIMIT - 1)
                    .hasSize(LIMIT - 1)
                    .containsOnly("false");
        }

        @Test
        void over_the_limit_is_refused() {
            assertThat(capture(world.grocer, upstream(LIMIT + 1))).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }
    }

    private Result capture(Enrollment who, JsonNode document) {
        return world.ledger.submit(
                who,
                "event:Capture",
                J.write(map("context", document.get("@context"), "events", document.at("/epcisBody/eventList"))));
    }

    private Result capture(Enrollment who, List<ObjectNode> events) {
        return world.ledger.submit(
                who,
                "event:Capture",
                J.write(map(
                        "context",
                        list("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"),
                        "events",
                        events)));
    }

    private static ObjectNode event(String type, String bizStep, String time) {
        ObjectNode event =
                JSON.createObjectNode().put("type", type).put("eventTime", time).put("eventTimeZoneOffset", "+08:00");
        if (bizStep != null) {
            event.put("bizStep", bizStep);
        }
        return event;
    }

    private static ObjectNode line(String lotCode, String kilograms) {
        return element("https://id.gs1.org/01/" + PADDY + "/10/" + lotCode, kilograms);
    }

    private static ObjectNode element(String epcClass, String kilograms) {
        return JSON.createObjectNode()
                .put("epcClass", epcClass)
                .put("quantity", new BigDecimal(kilograms))
                .put("uom", "KGM");
    }

    private int minute;

    /** An ObjectEvent on a paddy lot, a minute after the previous one: never a duplicate by accident. */
    private ObjectNode movement(String bizStep, String lotCode, String kilograms) {
        minute++;
        ObjectNode event = event("ObjectEvent", bizStep, String.format("2026-09-30T10:%02d:00+08:00", minute))
                .put("action", "OBSERVE");
        event.putArray("quantityList").add(line(lotCode, kilograms));
        return event;
    }

    private ObjectNode shipment(String lotCode, String kilograms, String destination) {
        ObjectNode event = movement("shipping", lotCode, kilograms);
        event.putArray("destinationList")
                .addObject()
                .put("type", "owning_party")
                .put("destination", destination);
        return event;
    }

    private static ObjectNode upstreamObservation() {
        ObjectNode event = event("ObjectEvent", "https://ref.gs1.org/cbv/BizStep-inspecting", "2026-09-29T08:00:00Z")
                .put("action", "OBSERVE");
        event.putArray("quantityList").add(element(UPSTREAM, "5"));
        return event;
    }

    private static ObjectNode upstreamShipment(String kilograms) {
        ObjectNode event =
                event("ObjectEvent", "shipping", "2026-09-29T09:00:00Z").put("action", "OBSERVE");
        event.putArray("quantityList").add(element(UPSTREAM, kilograms));
        return event;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = CaptureTest.class.getResourceAsStream("/epcis/" + name)) {
            return JSON.readTree(Objects.requireNonNull(in, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
