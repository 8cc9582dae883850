package io.heitu.chaincode.lot;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;
import static io.heitu.chaincode.support.J.write;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.COOP;
import static io.heitu.chaincode.support.World.MART;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.PLOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LotContractTest {

    private final World world = World.standard();

    @Nested
    class Commission {

        @Test
        void a_harvest_creates_a_lot_held_entirely_by_the_cooperative() {
            Result result = world.harvest("SL2026-001", "12000", "2026-10-01T08:00:00+08:00");

            assertThat(result).isDuplicate(false);
            JsonNode lot = world.lot(PADDY, "SL2026-001");
            assertThat(lot.path("state").asText()).isEqualTo("active");
            assertThat(lot.path("remaining").toString()).isEqualTo("{\"uom\":\"KGM\",\"value\":12000}");
            assertThat(lot.path("holdings").toString())
                    .isEqualTo("[{\"mspId\":\"ShulanRiceCoopMSP\",\"quantity\":{\"uom\":\"KGM\",\"value\":12000}}]");
            JsonNode provenance = lot.at("/lot/provenance");
            assertThat(provenance.path("producerMsp").asText()).isEqualTo(COOP);
            assertThat(provenance.path("locationId").asText()).isEqualTo(PLOT);
            assertThat(provenance.path("origin").asText()).isEqualTo("harvest");
            assertThat(provenance.path("eventId").asText()).isEqualTo(result.eventId());
            assertThat(provenance.path("eventTime").asText()).isEqualTo("2026-10-01T00:00:00.000Z");
            assertThat(provenance.path("ilmd").toString())
                    .isEqualTo("{\"jl:plotId\":\"SL-PLOT-07\",\"jl:variety\":\"稻花香2号\"}");
        }

        @Test
        void records_the_harvest_as_a_commissioning_event_at_the_plot() {
            Result result = world.harvest("SL2026-001", "12000", "2026-10-01T08:00:00+08:00");

            JsonNode event = world.query(world.regulator, "event:Get", of("eventId", result.eventId()))
                    .json();
            assertThat(event.path("recordedBy").asText()).isEqualTo(COOP);
            assertThat(event.path("recordedByRole").asText()).isEqualTo("producer");
            JsonNode epcis = event.path("event");
            assertThat(epcis.path("type").asText()).isEqualTo("ObjectEvent");
            assertThat(epcis.path("action").asText()).isEqualTo("ADD");
            assertThat(epcis.path("bizStep").asText()).isEqualTo("commissioning");
            assertThat(epcis.path("disposition").asText()).isEqualTo("active");
            assertThat(epcis.path("eventTimeZoneOffset").asText()).isEqualTo("+08:00");
            assertThat(epcis.at("/readPoint/id").asText()).isEqualTo("urn:heitu:loc:SL-PLOT-07");
            assertThat(epcis.at("/quantityList/0/epcClass").asText())
                    .isEqualTo("https://id.gs1.org/01/06901234500011/10/SL2026-001");
            assertThat(epcis.path("eventID").asText()).isEqualTo(result.eventId());
            assertThat(epcis.path("recordTime").asText()).isEqualTo("2026-10-05T02:00:00.000Z");
        }

        @Test
        void a_slaughter_commissions_a_lot_too() {
            Map<String, Object> request = harvest("SL2026-002");
            request.put("origin", "slaughter");

            assertThat(commission(request)).isOk();
            assertThat(world.lot(PADDY, "SL2026-002")
                            .at("/lot/provenance/origin")
                            .asText())
                    .isEqualTo("slaughter");
        }

        @Test
        void refuses_an_origin_that_does_not_commission() {
            Map<String, Object> request = harvest("SL2026-002");
            request.put("origin", "split");

            assertThat(commission(request)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void recording_the_same_harvest_twice_says_so_and_changes_nothing() {
            Result first = commission(harvest("SL2026-003"));
            var before = world.ledger.snapshot();

            Result again = commission(harvest("SL2026-003"));

            assertThat(again).isDuplicate(true);
            assertThat(again.eventId()).isEqualTo(first.eventId());
            assertThat(again.event()).isNull();
            assertThat(world.ledger.snapshot()).isEqualTo(before);
        }

        @Test
        void refuses_another_harvest_under_a_lot_code_in_use() {
            commission(harvest("SL2026-004"));
            Map<String, Object> other = harvest("SL2026-004");
            other.put("quantity", qty("9000", "KGM"));

            assertThat(commission(other)).isRefusedWith(ErrorCode.LOT_EXISTS);
        }

        @Test
        void answers_not_found_for_an_unknown_product_or_plot() {
            Map<String, Object> unknownProduct = harvest("SL2026-005");
            unknownProduct.put("gtin", "06901234500059");
            Map<String, Object> unknownPlot = harvest("SL2026-005");
            unknownPlot.put("plotId", "SL-PLOT-99");

            assertThat(commission(unknownProduct)).isRefusedWith(ErrorCode.PRODUCT_NOT_FOUND);
            assertThat(commission(unknownPlot)).isRefusedWith(ErrorCode.LOCATION_NOT_FOUND);
        }

        @Test
        void refuses_a_harvest_on_another_organisations_plot() {
            world.ok(world.farmer, "product:License", of("gtin", PADDY, "mspId", World.GINSENG_FARM));

            Result result = world.ledger.submit(world.ginsengFarmer, "lot:Commission", write(harvest("SL2026-006")));

            assertThat(result).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void refuses_a_harvest_at_a_site_that_is_not_a_plot_pasture_or_farmstead() {
            world.ok(
                    world.farmer,
                    "location:Register",
                    of("id", "COOP-WH", "kind", "warehouse", "nameZh", "合作社仓库", "address", map("county", "舒兰市")));
            Map<String, Object> request = harvest("SL2026-007");
            request.put("plotId", "COOP-WH");

            assertThat(commission(request)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void takes_events_up_to_five_minutes_ahead_of_the_transaction_and_no_further() {
            Instant now = world.ledger.now();
            Map<String, Object> justAhead = harvest("SL2026-008");
            justAhead.put("eventTime", now.plus(Duration.ofMinutes(5)).toString());
            Map<String, Object> tooFar = harvest("SL2026-009");
            tooFar.put(
                    "eventTime", now.plus(Duration.ofMinutes(5)).plusMillis(1).toString());

            assertThat(commission(justAhead)).isOk();
            assertThat(commission(tooFar)).isRefusedWith(ErrorCode.FUTURE_EVENT_TIME);
        }

        @Test
        void refuses_times_without_an_offset_before_2000_or_not_times_at_all() {
            for (String time :
                    List.of("2026-10-01T08:00:00", "1999-12-31T23:59:59Z", "yesterday", "2026-13-01T00:00:00Z")) {
                Map<String, Object> request = harvest("SL2026-010");
                request.put("eventTime", time);

                assertThat(commission(request)).as(time).isRefusedWith(ErrorCode.INVALID_TIME);
            }
        }

        @Test
        void keeps_instance_master_data_flat_with_exact_numbers() {
            Map<String, Object> request = harvest("SL2026-011");
            request.put(
                    "ilmd",
                    map("variety", "稻花香2号", "moisturePct", new BigDecimal("14.50"), "organic", true, "seedLot", "S-1"));

            assertThat(commission(request)).isOk();
            assertThat(world.lot(PADDY, "SL2026-011").at("/lot/provenance/ilmd").toString())
                    .isEqualTo("{\"jl:moisturePct\":14.5,\"jl:organic\":true,\"jl:plotId\":\"SL-PLOT-07\","
                            + "\"jl:seedLot\":\"S-1\",\"jl:variety\":\"稻花香2号\"}");
        }

        @Test
        void refuses_instance_master_data_that_would_name_another_plot() {
            Map<String, Object> request = harvest("SL2026-014");
            request.put("ilmd", map("plotId", "SL-PLOT-99"));

            assertThat(commission(request)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_instance_master_data_that_is_nested_badly_named_or_too_much() {
            Map<String, Object> tooMany = map();
            for (int i = 0; i < 33; i++) {
                tooMany.put("field" + i, i);
            }
            for (Map<String, Object> ilmd : List.of(
                    map("variety", map("name", "稻花香")),
                    map("variety", list("稻花香")),
                    map("Variety", "稻花香"),
                    map("jl:variety", "稻花香"),
                    map("variety", "稻".repeat(201)),
                    map("moisturePct", new BigDecimal("14.1234567")),
                    tooMany)) {
                Map<String, Object> request = harvest("SL2026-012");
                request.put("ilmd", ilmd);

                assertThat(commission(request)).as(ilmd.toString()).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_quantities_that_are_not_positive_bounded_decimals() {
            for (Map<String, Object> quantity : List.of(
                    qty("0", "KGM"),
                    qty("-5", "KGM"),
                    qty("1000000000000", "KGM"),
                    qty("0.0000001", "KGM"),
                    qty("5", "LBR"))) {
                Map<String, Object> request = harvest("SL2026-013");
                request.put("quantity", quantity);

                assertThat(commission(request)).as(quantity.toString()).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_a_lot_code_outside_gs1_character_set_82() {
            for (String lotCode : List.of("SL 2026", "舒兰-001", "A".repeat(21), "", "SL#1")) {
                assertThat(commission(harvest(lotCode))).as(lotCode).isRefusedWith(ErrorCode.INVALID_LOT_CODE);
            }
        }

        @Test
        void refuses_a_lot_code_no_web_address_can_carry_though_gs1_allows_it() {
            for (String lotCode : List.of("SL/2026", "SL%41", "SL;1", ".", "..")) {
                assertThat(commission(harvest(lotCode))).as(lotCode).isRefusedWith(ErrorCode.INVALID_LOT_CODE);
            }
            for (String lotCode : List.of("SL.2026", "A(1)?&=+", "x'y\"z")) {
                assertThat(commission(harvest(lotCode))).as(lotCode).isNotRefusedWith(ErrorCode.INVALID_LOT_CODE);
            }
        }
    }

    @Nested
    class PreHarvestInterval {

        @Test
        void refuses_a_harvest_inside_the_interval_of_a_pesticide_applied_on_the_plot() {
            applyInput("pesticide", "2026-09-20T08:00:00+08:00", 21);

            Result result = world.harvest("SL2026-020", "5000", "2026-10-01T08:00:00+08:00");

            assertThat(result).isRefusedWith(ErrorCode.PRE_HARVEST_INTERVAL);
            assertThat(result.error().path("details").toString())
                    .isEqualTo("{\"appliedAt\":\"2026-09-20T00:00:00.000Z\",\"phiDays\":\"21\","
                            + "\"productName\":\"吡虫啉\",\"safeFrom\":\"2026-10-11T00:00:00.000Z\"}");
            assertThat(result.message()).startsWith("PRE_HARVEST_INTERVAL: 吡虫啉 applied");
        }

        @Test
        void allows_the_harvest_from_the_moment_the_interval_ends() {
            applyInput("insecticide", "2026-09-20T08:00:00+08:00", 14);

            assertThat(world.harvest("SL2026-021", "5000", "2026-10-04T07:59:59.999+08:00"))
                    .isRefusedWith(ErrorCode.PRE_HARVEST_INTERVAL);
            assertThat(world.harvest("SL2026-022", "5000", "2026-10-04T08:00:00+08:00"))
                    .isOk();
        }

        @Test
        void ignores_inputs_applied_well_after_the_harvest_or_without_an_interval() {
            applyInput("fungicide", "2026-10-04T08:00:00+08:00", 2);
            applyInput("fertiliser", "2026-09-30T08:00:00+08:00", null);

            assertThat(world.harvest("SL2026-023", "5000", "2026-10-01T08:00:00+08:00"))
                    .isOk();
        }

        @Test
        void refuses_a_harvest_backdated_to_just_before_a_spray_already_recorded() {
            applyInput("fungicide", "2026-10-03T08:00:00+08:00", 30);

            assertThat(world.harvest("SL2026-024", "5000", "2026-10-04T08:00:00+08:00"))
                    .isRefusedWith(ErrorCode.PRE_HARVEST_INTERVAL);
            assertThat(world.harvest("SL2026-024", "5000", "2026-10-02T08:00:00+08:00"))
                    .isRefusedWith(ErrorCode.PRE_HARVEST_INTERVAL);
        }

        @Test
        void refuses_a_spray_recorded_after_a_harvest_it_would_have_fallen_inside() {
            assertThat(world.harvest("SL2026-025", "5000", "2026-10-04T08:00:00+08:00"))
                    .isOk();

            Result spray = applyInputResult("insecticide", "2026-09-28T08:00:00+08:00", 14);

            assertThat(spray).isRefusedWith(ErrorCode.PRE_HARVEST_INTERVAL);
            assertThat(spray.error().at("/details/harvestedAt").asText()).isEqualTo("2026-10-04T00:00:00.000Z");
            assertThat(applyInputResult("insecticide", "2026-10-04T09:00:00+08:00", 14))
                    .isOk();
        }

        @Test
        void ignores_inputs_applied_on_another_plot() {
            world.ok(
                    world.farmer,
                    "location:Register",
                    of(
                            "id",
                            "SL-PLOT-08",
                            "kind",
                            "plot",
                            "nameZh",
                            "8号地块",
                            "areaMu",
                            20,
                            "address",
                            map("county", "舒兰市")));
            world.ok(
                    world.farmer,
                    "event:ApplyInput",
                    of(
                            "plotId",
                            "SL-PLOT-08",
                            "eventTime",
                            "2026-09-28T08:00:00+08:00",
                            "inputType",
                            "herbicide",
                            "productName",
                            "草甘膦",
                            "dose",
                            1,
                            "doseUnit",
                            "L/mu",
                            "phiDays",
                            30));

            assertThat(world.harvest("SL2026-024", "5000", "2026-10-01T08:00:00+08:00"))
                    .isOk();
        }

        private void applyInput(String type, String time, Integer phiDays) {
            Result result = applyInputResult(type, time, phiDays);
            if (!result.ok()) {
                throw new AssertionError("event:ApplyInput refused: " + result.message());
            }
        }

        private Result applyInputResult(String type, String time, Integer phiDays) {
            Map<String, Object> request = map(
                    "plotId",
                    PLOT,
                    "eventTime",
                    time,
                    "inputType",
                    type,
                    "productName",
                    "吡虫啉",
                    "dose",
                    new BigDecimal("0.02"),
                    "doseUnit",
                    "kg/mu");
            if (phiDays != null) {
                request.put("phiDays", phiDays);
            }
            return world.ledger.submit(world.farmer, "event:ApplyInput", write(request));
        }
    }

    @Nested
    class Get {

        @Test
        void answers_not_found_for_a_lot_never_commissioned() {
            assertThat(world.query(world.regulator, "lot:Get", of("gtin", PADDY, "lotCode", "NONE")))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }

        @Test
        void shows_who_holds_what_is_in_transit_and_what_remains() {
            world.harvest("SL2026-030", "1000");
            world.ship(world.farmer, MILL, PADDY, "SL2026-030", "300", "KGM");
            world.ship(world.farmer, MART, PADDY, "SL2026-030", "200", "KGM");
            world.receive(world.miller, PADDY, "SL2026-030", "300", "KGM");

            JsonNode lot = world.lot(PADDY, "SL2026-030");

            assertThat(lot.path("holdings").toString())
                    .isEqualTo("[{\"mspId\":\"RiceMillMSP\",\"quantity\":{\"uom\":\"KGM\",\"value\":300}},"
                            + "{\"mspId\":\"ShulanRiceCoopMSP\",\"quantity\":{\"uom\":\"KGM\",\"value\":500}}]");
            assertThat(lot.path("inTransit").size()).isEqualTo(1);
            assertThat(lot.at("/inTransit/0/toMsp").asText()).isEqualTo(MART);
            assertThat(lot.path("remaining").toString()).isEqualTo("{\"uom\":\"KGM\",\"value\":1000}");
        }

        @Test
        void calls_a_lot_with_nothing_left_consumed() {
            world.harvest("SL2026-031", "100");
            world.sell(world.farmer, PADDY, "SL2026-031", "60", "KGM");
            world.dispose(world.farmer, PADDY, "SL2026-031", "40", "KGM");

            JsonNode lot = world.lot(PADDY, "SL2026-031");

            assertThat(lot.path("state").asText()).isEqualTo("consumed");
            assertThat(lot.path("holdings").size()).isZero();
            assertThat(lot.path("remaining").toString()).isEqualTo("{\"uom\":\"KGM\",\"value\":0}");
        }
    }

    @Nested
    class ListLots {

        @Test
        void lists_the_lots_an_organisation_holds_now() {
            world.harvest("SL2026-040", "100");
            world.harvest("SL2026-041", "100");
            world.ship(world.farmer, MILL, PADDY, "SL2026-041", "100", "KGM");
            world.receive(world.miller, PADDY, "SL2026-041", "100", "KGM");

            assertThat(lotCodes(of("mspId", COOP))).containsExactly("SL2026-040");
            assertThat(lotCodes(of("mspId", MILL))).containsExactly("SL2026-041");
        }

        @Test
        void lists_the_lots_an_organisation_produced_whoever_holds_them() {
            world.harvest("SL2026-042", "100");
            world.harvest("SL2026-043", "100");
            world.ship(world.farmer, MILL, PADDY, "SL2026-043", "100", "KGM");

            assertThat(lotCodes(of("mspId", COOP, "produced", true))).containsExactly("SL2026-042", "SL2026-043");
            assertThat(lotCodes(of("mspId", MILL, "produced", true))).isEmpty();
        }

        @Test
        void pages_through_the_lots() {
            for (int i = 0; i < 5; i++) {
                world.harvest("SL2026-05" + i, "100");
            }
            JsonNode first = world.query(world.regulator, "lot:List", of("mspId", COOP, "pageSize", 3))
                    .json();
            JsonNode second = world.query(
                            world.regulator,
                            "lot:List",
                            of(
                                    "mspId",
                                    COOP,
                                    "pageSize",
                                    3,
                                    "bookmark",
                                    first.path("bookmark").asText()))
                    .json();

            assertThat(first.path("items").size()).isEqualTo(3);
            assertThat(second.path("items").size()).isEqualTo(2);
            assertThat(second.path("bookmark").asText()).isEmpty();
        }

        @Test
        void requires_the_organisation() {
            assertThat(world.query(world.regulator, "lot:List", "{}")).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        private List<String> lotCodes(String request) {
            List<String> codes = new ArrayList<>();
            world.query(world.regulator, "lot:List", request)
                    .json()
                    .path("items")
                    .forEach(view -> codes.add(view.at("/lot/lotCode").asText()));
            return codes;
        }
    }

    @Nested
    class History {

        @Test
        void lists_every_committed_version_of_the_lot_newest_first() {
            Result harvest = world.harvest("SL2026-060", "100");
            world.ledger.advance(Duration.ofHours(1));
            Result hold = world.hold(world.inspector, PADDY, "SL2026-060", "抽检");

            JsonNode versions = world.query(world.regulator, "lot:History", of("gtin", PADDY, "lotCode", "SL2026-060"))
                    .json();

            assertThat(versions.size()).isEqualTo(2);
            assertThat(versions.at("/0/lot/holds/0/reason").asText()).isEqualTo("抽检");
            assertThat(versions.at("/0/timestamp").asText()).isEqualTo("2026-10-05T03:00:00.000Z");
            assertThat(versions.at("/0/txId").asText()).isEqualTo(hold.event().getTxId());
            assertThat(versions.at("/1/lot/holds").isEmpty()).isTrue();
            assertThat(versions.at("/1/txId").asText())
                    .isEqualTo(harvest.event().getTxId());
            assertThat(versions.at("/1/deleted").asBoolean()).isFalse();
        }

        @Test
        void answers_not_found_for_a_lot_never_commissioned() {
            assertThat(world.query(world.regulator, "lot:History", of("gtin", PADDY, "lotCode", "NONE")))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }
    }

    @Nested
    class Events {

        @Test
        void lists_the_lots_events_in_time_order_a_page_at_a_time() {
            world.harvest("SL2026-070", "100", "2026-10-01T08:00:00+08:00");
            world.ok(
                    world.farmer,
                    "event:Observe",
                    of(
                            "bizStep",
                            "storing",
                            "lots",
                            list(map("gtin", PADDY, "lotCode", "SL2026-070")),
                            "eventTime",
                            "2026-10-03T08:00:00+08:00"));
            world.ok(
                    world.farmer,
                    "event:Ship",
                    of(
                            "lots",
                            list(J.lot(PADDY, "SL2026-070", "100", "KGM")),
                            "toMsp",
                            MILL,
                            "eventTime",
                            "2026-10-02T08:00:00+08:00"));

            List<String> steps = new ArrayList<>();
            String bookmark = "";
            do {
                JsonNode page = world.query(
                                world.regulator,
                                "lot:Events",
                                of("gtin", PADDY, "lotCode", "SL2026-070", "pageSize", 2, "bookmark", bookmark))
                        .json();
                page.path("items")
                        .forEach(stored -> steps.add(stored.at("/event/bizStep").asText()));
                bookmark = page.path("bookmark").asText();
            } while (!bookmark.isEmpty());

            assertThat(steps).containsExactly("commissioning", "shipping", "storing");
        }

        @Test
        void refuses_a_bookmark_of_another_lot() {
            world.harvest("SL2026-071", "100");
            world.harvest("SL2026-072", "100");
            world.sell(world.farmer, PADDY, "SL2026-071", "1", "KGM");
            String bookmark = world.query(
                            world.regulator, "lot:Events", of("gtin", PADDY, "lotCode", "SL2026-071", "pageSize", 1))
                    .json()
                    .path("bookmark")
                    .asText();

            assertThat(bookmark).isNotEmpty();
            assertThat(world.query(
                            world.regulator,
                            "lot:Events",
                            of("gtin", PADDY, "lotCode", "SL2026-072", "pageSize", 1, "bookmark", bookmark)))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void answers_not_found_for_a_lot_never_commissioned() {
            assertThat(world.query(world.regulator, "lot:Events", of("gtin", PADDY, "lotCode", "NONE")))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }
    }

    private Result commission(Map<String, Object> request) {
        return world.ledger.submit(world.farmer, "lot:Commission", write(request));
    }

    private static Map<String, Object> harvest(String lotCode) {
        return map(
                "gtin",
                PADDY,
                "lotCode",
                lotCode,
                "quantity",
                qty("1000", "KGM"),
                "plotId",
                PLOT,
                "eventTime",
                "2026-10-01T08:00:00+08:00");
    }
}
