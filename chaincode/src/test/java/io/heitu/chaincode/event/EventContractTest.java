package io.heitu.chaincode.event;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.lot;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.write;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.CARRIER;
import static io.heitu.chaincode.support.World.COOP;
import static io.heitu.chaincode.support.World.GINSENG;
import static io.heitu.chaincode.support.World.MART;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.MILL_SITE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.PLOT;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static io.heitu.chaincode.support.World.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.support.Actors;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final String SSCC = "069012345000000011";

    private final World world = World.standard();

    @Nested
    class ApplyInput {

        @Test
        void records_an_application_and_the_day_the_plot_is_safe_to_harvest() {
            Result result = apply(input("pesticide", 21));

            assertThat(result).isDuplicate(false);
            assertThat(result.json().path("lots").size()).isZero();
            JsonNode inputs = world.query(world.regulator, "event:PlotInputs", of("plotId", PLOT))
                    .json();
            assertThat(inputs.size()).isEqualTo(1);
            assertThat(inputs.get(0).toString())
                    .isEqualTo("{\"activeIngredient\":\"吡虫啉\",\"appliedAt\":\"2026-09-20T00:00:00.000Z\","
                            + "\"eventId\":\"" + result.eventId() + "\",\"inputType\":\"pesticide\","
                            + "\"phiDays\":21,\"plotId\":\"SL-PLOT-07\",\"productName\":\"10%吡虫啉可湿性粉剂\","
                            + "\"safeFrom\":\"2026-10-11T00:00:00.000Z\"}");
        }

        @Test
        void records_it_as_an_event_with_a_business_step_of_our_namespace() {
            Result result = apply(input("pesticide", 21));

            JsonNode event = stored(result).path("event");
            assertThat(event.path("bizStep").asText()).isEqualTo("https://ns.heitu.io/jilin/bizstep/input_application");
            assertThat(event.at("/jl:inputApplication/dose").toString()).isEqualTo("0.02");
            assertThat(event.at("/jl:inputApplication/registrationNo").asText()).isEqualTo("PD20080001");
            assertThat(event.at("/jl:inputApplication/activeIngredient").asText())
                    .isEqualTo("吡虫啉");
            assertThat(event.at("/jl:inputApplication/operator").asText()).isEqualTo("王师傅");
            assertThat(event.at("/jl:inputApplication/note").asText()).isEqualTo("稻飞虱\n\t二代");
            assertThat(event.at("/jl:inputApplication/treatedAreaMu").toString())
                    .isEqualTo("85.5");
        }

        @Test
        void needs_an_interval_for_plant_protection_products_and_drugs_but_not_fertiliser() {
            for (String type : List.of("pesticide", "herbicide", "fungicide", "insecticide", "veterinary_drug")) {
                assertThat(apply(input(type, null))).as(type).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
            Result fertiliser = apply(input("organic_fertiliser", null));
            assertThat(fertiliser).isOk();
            assertThat(world.query(world.regulator, "event:PlotInputs", of("plotId", PLOT))
                            .json()
                            .at("/0/phiDays")
                            .asInt())
                    .isZero();
        }

        @Test
        void refuses_intervals_doses_and_types_out_of_range() {
            Map<String, Object> negative = input("pesticide", -1);
            Map<String, Object> overAYear = input("pesticide", 366);
            Map<String, Object> noDose = input("pesticide", 7);
            noDose.put("dose", 0);
            Map<String, Object> negativeArea = input("pesticide", 7);
            negativeArea.put("treatedAreaMu", -1);
            Map<String, Object> unknownType = input("hormone", 7);
            Map<String, Object> noUnit = input("pesticide", 7);
            noUnit.remove("doseUnit");
            for (Map<String, Object> request :
                    List.of(negative, overAYear, noDose, negativeArea, unknownType, noUnit)) {
                assertThat(apply(request)).as(request.toString()).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_another_organisations_plot_an_unknown_one_or_a_site_that_grows_nothing() {
            world.ok(
                    world.farmer,
                    "location:Register",
                    of("id", "COOP-WH", "kind", "warehouse", "nameZh", "仓库", "address", map("county", "舒兰市")));
            Map<String, Object> warehouse = input("pesticide", 7);
            warehouse.put("plotId", "COOP-WH");
            Map<String, Object> unknown = input("pesticide", 7);
            unknown.put("plotId", "NOWHERE");

            assertThat(world.ledger.submit(world.ginsengFarmer, "event:ApplyInput", write(input("pesticide", 7))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(apply(warehouse)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(apply(unknown)).isRefusedWith(ErrorCode.LOCATION_NOT_FOUND);
        }

        @Test
        void recording_the_same_application_twice_keeps_one() {
            apply(input("pesticide", 21));

            assertThat(apply(input("pesticide", 21))).isDuplicate(true);
            assertThat(world.query(world.regulator, "event:PlotInputs", of("plotId", PLOT))
                            .json()
                            .size())
                    .isEqualTo(1);
        }

        @Test
        void lists_no_inputs_for_an_unknown_plot_but_says_it_is_unknown() {
            assertThat(world.query(world.regulator, "event:PlotInputs", of("plotId", "NOWHERE")))
                    .isRefusedWith(ErrorCode.LOCATION_NOT_FOUND);
        }

        private Result apply(Map<String, Object> request) {
            return world.ledger.submit(world.farmer, "event:ApplyInput", write(request));
        }

        private Map<String, Object> input(String type, Integer phiDays) {
            Map<String, Object> request = map(
                    "plotId",
                    PLOT,
                    "eventTime",
                    "2026-09-20T08:00:00+08:00",
                    "inputType",
                    type,
                    "productName",
                    "10%吡虫啉可湿性粉剂",
                    "activeIngredient",
                    "吡虫啉",
                    "registrationNo",
                    "PD20080001",
                    "dose",
                    new BigDecimal("0.02"),
                    "doseUnit",
                    "kg/mu",
                    "treatedAreaMu",
                    new BigDecimal("85.5"),
                    "operator",
                    "王师傅",
                    "note",
                    "稻飞虱\n\t二代");
            if (phiDays != null) {
                request.put("phiDays", phiDays);
            }
            return request;
        }
    }

    @Nested
    class Ship {

        @Test
        void moves_the_quantity_from_the_shipper_into_transit_to_the_receiver() {
            world.harvest("E-1", "1000");

            Result result = world.shipVia(world.farmer, MILL, CARRIER, PADDY, "E-1", "400", "KGM");

            assertThat(result).isDuplicate(false);
            assertThat(world.held(PADDY, "E-1", COOP)).isEqualTo("600");
            JsonNode transit = world.lot(PADDY, "E-1").at("/inTransit/0");
            assertThat(transit.path("fromMsp").asText()).isEqualTo(COOP);
            assertThat(transit.path("toMsp").asText()).isEqualTo(MILL);
            assertThat(transit.path("carrierMsp").asText()).isEqualTo(CARRIER);
            assertThat(transit.path("quantity").toString()).isEqualTo("{\"uom\":\"KGM\",\"value\":400}");
            assertThat(transit.path("eventId").asText()).isEqualTo(result.eventId());
        }

        @Test
        void records_parties_places_and_the_despatch_advice_in_the_event() {
            world.harvest("E-2", "1000");
            world.ok(
                    world.admin,
                    "org:Register",
                    of(
                            "mspId",
                            "GlnMartMSP",
                            "nameZh",
                            "有GLN的超市",
                            "kinds",
                            list("retailer"),
                            "gln",
                            "6901234500318",
                            "companyPrefixes",
                            list("690123450031", "690123450032")));
            world.ok(
                    world.admin,
                    "location:Register",
                    of(
                            "id",
                            "GLN-STORE",
                            "ownerMsp",
                            "GlnMartMSP",
                            "kind",
                            "store",
                            "nameZh",
                            "门店",
                            "gln",
                            "6901234500325",
                            "address",
                            map("county", "朝阳区")));

            Result result = world.ledger.submit(
                    world.farmer,
                    "event:Ship",
                    of(
                            "lots",
                            list(lot(PADDY, "E-2", "100", "KGM")),
                            "toMsp",
                            "GlnMartMSP",
                            "carrierMsp",
                            CARRIER,
                            "fromLocationId",
                            PLOT,
                            "toLocationId",
                            "GLN-STORE",
                            "despatchAdvice",
                            "DA 2026/001",
                            "eventTime",
                            world.nextTime()));

            JsonNode event = stored(result).path("event");
            assertThat(event.path("bizStep").asText()).isEqualTo("shipping");
            assertThat(event.path("disposition").asText()).isEqualTo("in_transit");
            assertThat(event.path("sourceList").toString())
                    .isEqualTo("[{\"source\":\"urn:heitu:org:ShulanRiceCoopMSP\",\"type\":\"owning_party\"},"
                            + "{\"source\":\"urn:heitu:loc:SL-PLOT-07\",\"type\":\"location\"}]");
            assertThat(event.path("destinationList").toString())
                    .isEqualTo("[{\"destination\":\"https://id.gs1.org/417/6901234500318\",\"type\":\"owning_party\"},"
                            + "{\"destination\":\"https://id.gs1.org/414/6901234500325\",\"type\":\"location\"}]");
            assertThat(event.path("bizTransactionList").toString())
                    .isEqualTo("[{\"bizTransaction\":\"urn:heitu:desadv:ShulanRiceCoopMSP:DA%202026%2F001\","
                            + "\"type\":\"desadv\"}]");
            assertThat(event.path("jl:carrier").asText()).isEqualTo(CARRIER);
        }

        @Test
        void refuses_more_than_the_shipper_holds() {
            world.harvest("E-3", "1000");
            world.ship(world.farmer, MILL, PADDY, "E-3", "700", "KGM");

            Result result = world.ship(world.farmer, MART, PADDY, "E-3", "300.001", "KGM");

            assertThat(result).isRefusedWith(ErrorCode.INSUFFICIENT_QUANTITY);
            assertThat(world.ship(world.farmer, MART, PADDY, "E-3", "300", "KGM"))
                    .isOk();
            assertThat(world.held(PADDY, "E-3", COOP)).isEqualTo("0");
        }

        @Test
        void refuses_a_lot_the_shipper_does_not_hold() {
            world.harvest("E-4", "1000");

            assertThat(world.ship(world.miller, MART, PADDY, "E-4", "1", "KGM"))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void refuses_a_unit_the_lot_is_not_counted_in() {
            world.harvest("E-5", "1000");

            assertThat(world.ship(world.farmer, MILL, PADDY, "E-5", "1", "TNE")).isRefusedWith(ErrorCode.UNIT_MISMATCH);
        }

        @Test
        void refuses_unknown_receivers_carriers_and_lots() {
            world.harvest("E-6", "1000");

            assertThat(world.ship(world.farmer, "NoSuchMSP", PADDY, "E-6", "1", "KGM"))
                    .isRefusedWith(ErrorCode.ORGANISATION_NOT_FOUND);
            assertThat(world.shipVia(world.farmer, MILL, "NoSuchMSP", PADDY, "E-6", "1", "KGM"))
                    .isRefusedWith(ErrorCode.ORGANISATION_NOT_FOUND);
            assertThat(world.ship(world.farmer, MILL, PADDY, "NONE", "1", "KGM"))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }

        @Test
        void refuses_a_shipment_to_oneself() {
            world.harvest("E-7", "1000");

            assertThat(world.ship(world.farmer, COOP, PADDY, "E-7", "1", "KGM"))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_places_that_are_not_the_shippers_or_the_receivers() {
            world.harvest("E-8", "1000");

            assertThat(ship(world.farmer, "fromLocationId", MILL_SITE)).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(ship(world.farmer, "toLocationId", STORE)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(ship(world.farmer, "toLocationId", MILL_SITE)).isOk();
        }

        @Test
        void refuses_a_lot_named_twice_or_more_than_100_lots() {
            List<Object> twice = list(lot(PADDY, "E-9", "1", "KGM"), lot(PADDY, "E-9", "2", "KGM"));
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                many.add(lot(PADDY, "E-" + i, "1", "KGM"));
            }
            for (List<Object> lots : List.of(twice, many, list())) {
                assertThat(world.ledger.submit(
                                world.farmer,
                                "event:Ship",
                                of("lots", lots, "toMsp", MILL, "eventTime", world.nextTime())))
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void ships_several_lots_in_one_event() {
            world.harvest("E-10", "100");
            world.harvest("E-11", "100");

            Result result = world.ledger.submit(
                    world.farmer,
                    "event:Ship",
                    of(
                            "lots",
                            list(lot(PADDY, "E-10", "10", "KGM"), lot(PADDY, "E-11", "20", "KGM")),
                            "toMsp",
                            MILL,
                            "eventTime",
                            world.nextTime()));

            assertThat(result.json().path("lots").size()).isEqualTo(2);
            assertThat(world.held(PADDY, "E-10", COOP)).isEqualTo("90");
            assertThat(world.held(PADDY, "E-11", COOP)).isEqualTo("80");
        }

        private Result ship(Enrollment from, String field, String locationId) {
            Map<String, Object> request =
                    map("lots", list(lot(PADDY, "E-8", "1", "KGM")), "toMsp", MILL, "eventTime", world.nextTime());
            request.put(field, locationId);
            return world.ledger.submit(from, "event:Ship", write(request));
        }
    }

    @Nested
    class Receive {

        @Test
        void moves_the_quantity_from_transit_to_the_receiver() {
            world.harvest("E-20", "1000");
            world.ship(world.farmer, MILL, PADDY, "E-20", "400", "KGM");

            Result result = world.ledger.submit(
                    world.miller,
                    "event:Receive",
                    of(
                            "lots",
                            list(lot(PADDY, "E-20", "400", "KGM")),
                            "fromMsp",
                            COOP,
                            "locationId",
                            MILL_SITE,
                            "eventTime",
                            world.nextTime()));

            assertThat(result).isOk();
            assertThat(world.held(PADDY, "E-20", MILL)).isEqualTo("400");
            assertThat(world.lot(PADDY, "E-20").path("inTransit").size()).isZero();
            JsonNode event = stored(result).path("event");
            assertThat(event.path("bizStep").asText()).isEqualTo("receiving");
            assertThat(event.at("/bizLocation/id").asText()).isEqualTo("urn:heitu:loc:MILL-SHULAN");
            assertThat(event.at("/sourceList/0/source").asText()).isEqualTo("urn:heitu:org:ShulanRiceCoopMSP");
        }

        @Test
        void receives_part_of_a_shipment_and_leaves_the_rest_in_transit() {
            world.harvest("E-21", "1000");
            world.ship(world.farmer, MILL, PADDY, "E-21", "400", "KGM");

            world.receive(world.miller, PADDY, "E-21", "150", "KGM");

            assertThat(world.held(PADDY, "E-21", MILL)).isEqualTo("150");
            assertThat(world.lot(PADDY, "E-21")
                            .at("/inTransit/0/quantity/value")
                            .asInt())
                    .isEqualTo(250);
        }

        @Test
        void takes_a_receipt_out_of_one_shipment_when_it_covers_it() {
            world.harvest("E-25", "1000");
            world.ship(world.farmer, MILL, PADDY, "E-25", "100", "KGM");
            world.ship(world.farmer, MILL, PADDY, "E-25", "200", "KGM");

            assertThat(world.receive(world.miller, PADDY, "E-25", "50", "KGM")).isOk();

            List<Integer> open = new ArrayList<>();
            world.lot(PADDY, "E-25")
                    .path("inTransit")
                    .forEach(t -> open.add(t.at("/quantity/value").asInt()));
            assertThat(open).hasSize(2).containsAnyOf(100, 200);
            assertThat(open.get(0) + open.get(1)).isEqualTo(250);
        }

        @Test
        void receives_only_from_the_sender_it_names() {
            world.riceChain("F");
            world.ship(world.miller, MART, MILLED_RICE, "F-M", "100", "KGM");
            world.registerOrg("OtherMillMSP", "另一米厂", "processor");
            Enrollment otherMiller = Actors.user("OtherMillMSP", Role.PROCESSOR);
            world.ship(world.miller, "OtherMillMSP", MILLED_RICE, "F-M", "300", "KGM");
            world.receive(otherMiller, MILLED_RICE, "F-M", "300", "KGM");
            world.ship(otherMiller, MART, MILLED_RICE, "F-M", "300", "KGM");

            assertThat(receiveFrom(MILL, "F-M", "101")).isRefusedWith(ErrorCode.NOTHING_IN_TRANSIT);
            assertThat(receiveFrom(MILL, "F-M", "100")).isOk();
            assertThat(receiveFrom("OtherMillMSP", "F-M", "300")).isOk();
            assertThat(world.held(MILLED_RICE, "F-M", MART)).isEqualTo("400");
        }

        private Result receiveFrom(String sender, String lotCode, String kilograms) {
            return world.ledger.submit(
                    world.grocer,
                    "event:Receive",
                    of(
                            "lots",
                            list(lot(MILLED_RICE, lotCode, kilograms, "KGM")),
                            "fromMsp",
                            sender,
                            "eventTime",
                            world.nextTime()));
        }

        @Test
        void receives_across_several_shipments() {
            world.harvest("E-22", "1000");
            world.ship(world.farmer, MILL, PADDY, "E-22", "100", "KGM");
            world.ship(world.farmer, MILL, PADDY, "E-22", "200", "KGM");

            assertThat(world.receive(world.miller, PADDY, "E-22", "250", "KGM")).isOk();

            assertThat(world.held(PADDY, "E-22", MILL)).isEqualTo("250");
            assertThat(world.lot(PADDY, "E-22").path("inTransit").size()).isEqualTo(1);
            assertThat(world.lot(PADDY, "E-22")
                            .at("/inTransit/0/quantity/value")
                            .asInt())
                    .isEqualTo(50);
        }

        @Test
        void refuses_more_than_is_in_transit_to_the_receiver() {
            world.harvest("E-23", "1000");
            world.ship(world.farmer, MILL, PADDY, "E-23", "100", "KGM");

            assertThat(world.receive(world.miller, PADDY, "E-23", "101", "KGM"))
                    .isRefusedWith(ErrorCode.NOTHING_IN_TRANSIT);
            assertThat(world.receive(world.grocer, PADDY, "E-23", "1", "KGM"))
                    .isRefusedWith(ErrorCode.NOTHING_IN_TRANSIT);
            assertThat(world.held(PADDY, "E-23", MILL)).isEqualTo("0");
        }

        @Test
        void refuses_an_unknown_sender_or_a_place_not_the_receivers() {
            world.harvest("E-24", "1000");
            world.ship(world.farmer, MILL, PADDY, "E-24", "100", "KGM");

            assertThat(world.ledger.submit(
                            world.miller,
                            "event:Receive",
                            of(
                                    "lots",
                                    list(lot(PADDY, "E-24", "1", "KGM")),
                                    "fromMsp",
                                    "NoSuchMSP",
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.ORGANISATION_NOT_FOUND);
            assertThat(world.ledger.submit(
                            world.miller,
                            "event:Receive",
                            of(
                                    "lots",
                                    list(lot(PADDY, "E-24", "1", "KGM")),
                                    "locationId",
                                    STORE,
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }
    }

    @Nested
    class Sell {

        @Test
        void takes_the_quantity_sold_out_of_the_sellers_holding() {
            world.riceChain("S");
            world.ship(world.miller, MART, RICE_BAG_5KG, "S-B", "100", "H87");
            world.receive(world.grocer, RICE_BAG_5KG, "S-B", "100", "H87");

            Result result = world.ledger.submit(
                    world.grocer,
                    "event:Sell",
                    of(
                            "lots",
                            list(lot(RICE_BAG_5KG, "S-B", "3", "H87")),
                            "locationId",
                            STORE,
                            "reference",
                            "POS-0001",
                            "eventTime",
                            world.nextTime()));

            assertThat(result).isOk();
            assertThat(world.held(RICE_BAG_5KG, "S-B", MART)).isEqualTo("97");
            JsonNode event = stored(result).path("event");
            assertThat(event.path("bizStep").asText()).isEqualTo("retail_selling");
            assertThat(event.path("disposition").asText()).isEqualTo("retail_sold");
            assertThat(event.at("/bizTransactionList/0/bizTransaction").asText())
                    .isEqualTo("urn:heitu:receipt:ChangchunMartMSP:POS-0001");
        }

        @Test
        void refuses_more_than_the_seller_holds_or_a_lot_it_does_not_hold() {
            world.harvest("E-30", "100");

            assertThat(world.sell(world.farmer, PADDY, "E-30", "101", "KGM"))
                    .isRefusedWith(ErrorCode.INSUFFICIENT_QUANTITY);
            assertThat(world.sell(world.grocer, PADDY, "E-30", "1", "KGM"))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void refuses_a_lot_on_hold() {
            world.harvest("E-31", "100");
            world.hold(world.inspector, PADDY, "E-31", "抽检");

            assertThat(world.sell(world.farmer, PADDY, "E-31", "1", "KGM")).isRefusedWith(ErrorCode.LOT_ON_HOLD);
        }
    }

    @Nested
    class Dispose {

        @Test
        void destroys_the_quantity_even_of_a_lot_on_hold() {
            world.harvest("E-40", "100");
            world.hold(world.inspector, PADDY, "E-40", "霉变");

            Result result = world.ledger.submit(
                    world.farmer,
                    "event:Dispose",
                    of(
                            "lots",
                            list(lot(PADDY, "E-40", "100", "KGM")),
                            "reference",
                            "D-7",
                            "reason",
                            "霉变",
                            "eventTime",
                            world.nextTime()));

            assertThat(result).isOk();
            JsonNode event = stored(result).path("event");
            assertThat(event.path("action").asText()).isEqualTo("DELETE");
            assertThat(event.path("bizStep").asText()).isEqualTo("destroying");
            assertThat(event.path("disposition").asText()).isEqualTo("destroyed");
            assertThat(event.path("jl:reason").asText()).isEqualTo("霉变");
            assertThat(event.at("/bizTransactionList/0/type").asText()).isEqualTo("rma");
            assertThat(world.lot(PADDY, "E-40").path("state").asText()).isEqualTo("on_hold");
            assertThat(world.lot(PADDY, "E-40").path("remaining").path("value").asInt())
                    .isZero();
        }

        @Test
        void refuses_more_than_the_holder_has() {
            world.harvest("E-41", "100");

            assertThat(world.dispose(world.farmer, PADDY, "E-41", "100.5", "KGM"))
                    .isRefusedWith(ErrorCode.INSUFFICIENT_QUANTITY);
        }
    }

    @Nested
    class Observe {

        @Test
        void records_storage_by_a_holder_without_moving_anything() {
            world.harvest("E-50", "100");

            Result result = observe(
                    world.farmer,
                    map(
                            "bizStep",
                            "storing",
                            "disposition",
                            "sellable_not_accessible",
                            "locationId",
                            PLOT,
                            "note",
                            "粮仓3号"),
                    "E-50");

            assertThat(result).isOk();
            JsonNode event = stored(result).path("event");
            assertThat(event.path("action").asText()).isEqualTo("OBSERVE");
            assertThat(event.path("bizStep").asText()).isEqualTo("storing");
            assertThat(event.path("jl:note").asText()).isEqualTo("粮仓3号");
            assertThat(event.at("/quantityList/0").toString())
                    .isEqualTo("{\"epcClass\":\"https://id.gs1.org/01/06901234500011/10/E-50\"}");
            assertThat(world.held(PADDY, "E-50", COOP)).isEqualTo("100");
        }

        @Test
        void lets_the_carrier_of_an_open_shipment_report_cold_chain_readings() {
            world.harvest("E-51", "100");
            world.shipVia(world.farmer, MART, CARRIER, PADDY, "E-51", "100", "KGM");

            Result result = observe(
                    world.carrier,
                    map(
                            "bizStep",
                            "transporting",
                            "eventTime",
                            world.ledger.now().toString(),
                            "sensorReadings",
                            list(
                                    reading(
                                            "Temperature",
                                            "3.5",
                                            world.ledger.now().minusSeconds(600).toString()),
                                    reading(
                                            "RelativeHumidity",
                                            "65",
                                            world.ledger.now().toString()))),
                    "E-51");

            assertThat(result).isOk();
            JsonNode sensors = stored(result).at("/event/sensorElementList");
            assertThat(sensors.size()).isEqualTo(2);
            assertThat(sensors.get(0).toString())
                    .isEqualTo("{\"sensorMetadata\":{\"deviceID\":\"urn:heitu:device:TRUCK-7%2FT1\"},"
                            + "\"sensorReport\":[{\"time\":\"2026-10-05T01:50:00.000Z\",\"type\":\"gs1:Temperature\","
                            + "\"uom\":\"CEL\",\"value\":3.5}]}");
        }

        @Test
        void refuses_organisations_that_neither_hold_nor_carry_the_lot() {
            world.harvest("E-52", "100");

            assertThat(observe(world.carrier, map("bizStep", "transporting"), "E-52"))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void refuses_steps_that_have_a_transaction_of_their_own() {
            world.harvest("E-53", "100");
            for (String step : List.of("shipping", "receiving", "commissioning", "holding", "retail_selling")) {
                assertThat(observe(world.farmer, map("bizStep", step), "E-53"))
                        .as(step)
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_words_that_are_not_cbv() {
            world.harvest("E-54", "100");

            assertThat(observe(world.farmer, map("bizStep", "drying"), "E-54"))
                    .isRefusedWith(ErrorCode.UNKNOWN_CBV_VALUE);
            assertThat(observe(world.farmer, map("bizStep", "storing", "disposition", "mouldy"), "E-54"))
                    .isRefusedWith(ErrorCode.UNKNOWN_CBV_VALUE);
            assertThat(observe(world.farmer, map("bizStep", "Storing"), "E-54"))
                    .isRefusedWith(ErrorCode.UNKNOWN_CBV_VALUE);
        }

        @Test
        void refuses_readings_out_of_range_or_in_the_wrong_unit() {
            world.harvest("E-55", "100");
            String now = world.ledger.now().toString();
            Map<String, Object> wrongUnit = reading("Temperature", "3", now);
            wrongUnit.put("uom", "FAH");
            Map<String, Object> noValue = reading("Temperature", "3", now);
            noValue.remove("value");
            Map<String, Object> humidityInGrams = reading("RelativeHumidity", "50", now);
            humidityInGrams.put("uom", "GRM");
            for (Map<String, Object> reading : List.of(
                    reading("Temperature", "80.1", now),
                    reading("RelativeHumidity", "101", now),
                    reading("Pressure", "1", now),
                    wrongUnit,
                    humidityInGrams,
                    noValue)) {
                assertThat(observe(world.farmer, map("bizStep", "storing", "sensorReadings", list(reading)), "E-55"))
                        .as(reading.toString())
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void refuses_readings_from_the_future_or_after_the_event_that_reports_them() {
            world.harvest("E-57", "100");
            String now = world.ledger.now().toString();
            String later = world.ledger.now().plusSeconds(301).toString();
            assertThat(observe(
                            world.farmer,
                            map(
                                    "bizStep",
                                    "storing",
                                    "eventTime",
                                    now,
                                    "sensorReadings",
                                    list(reading("Temperature", "3", later))),
                            "E-57"))
                    .isRefusedWith(ErrorCode.FUTURE_EVENT_TIME);
            String anHourBefore = world.ledger.now().minusSeconds(3600).toString();
            assertThat(observe(
                            world.farmer,
                            map(
                                    "bizStep",
                                    "storing",
                                    "eventTime",
                                    anHourBefore,
                                    "sensorReadings",
                                    list(reading("Temperature", "3", now))),
                            "E-57"))
                    .as("a reading after the event that reports it")
                    .isRefusedWith(ErrorCode.INVALID_TIME);
        }

        @Test
        void refuses_more_than_1000_readings_or_a_lot_named_twice() {
            world.harvest("E-56", "100");
            List<Object> readings = new ArrayList<>();
            for (int i = 0; i < 1001; i++) {
                readings.add(reading("Temperature", "3", world.ledger.now().toString()));
            }

            assertThat(observe(world.farmer, map("bizStep", "storing", "sensorReadings", readings), "E-56"))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(observe(world.farmer, map("bizStep", "storing"), "E-56", "E-56"))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(observe(world.farmer, map("bizStep", "storing")))
                    .as("no lots")
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        private Result observe(Enrollment user, Map<String, Object> request, String... lotCodes) {
            List<Object> lots = new ArrayList<>();
            for (String lotCode : lotCodes) {
                lots.add(map("gtin", PADDY, "lotCode", lotCode));
            }
            request.put("lots", lots);
            request.putIfAbsent("eventTime", world.nextTime());
            return world.ledger.submit(user, "event:Observe", write(request));
        }

        private Map<String, Object> reading(String type, String value, String time) {
            return map("type", type, "value", new BigDecimal(value), "time", time, "deviceId", "TRUCK-7/T1");
        }
    }

    @Nested
    class Transform {

        @Test
        void dries_paddy_into_a_new_lot_linked_to_its_input() {
            world.harvest("E-60", "12000");

            Result result = world.ledger.submit(
                    world.farmer,
                    "event:Transform",
                    of(
                            "kind",
                            "drying",
                            "inputs",
                            list(lot(PADDY, "E-60", "12000", "KGM")),
                            "outputs",
                            list(map(
                                    "gtin",
                                    PADDY,
                                    "lotCode",
                                    "E-60D",
                                    "quantity",
                                    map("value", new BigDecimal("10800"), "uom", "KGM"),
                                    "ilmd",
                                    map("moisturePct", new BigDecimal("14.5")))),
                            "locationId",
                            PLOT,
                            "eventTime",
                            world.nextTime()));

            assertThat(result).isOk();
            assertThat(result.json().path("lots").toString())
                    .isEqualTo("[\"https://id.gs1.org/01/06901234500011/10/E-60\","
                            + "\"https://id.gs1.org/01/06901234500011/10/E-60D\"]");
            assertThat(world.lot(PADDY, "E-60").path("state").asText()).isEqualTo("consumed");
            JsonNode dried = world.lot(PADDY, "E-60D");
            assertThat(dried.at("/lot/provenance/origin").asText()).isEqualTo("transformation");
            assertThat(dried.at("/lot/provenance/locationId").asText()).isEqualTo(PLOT);
            assertThat(dried.at("/lot/provenance/ilmd").toString()).isEqualTo("{\"jl:moisturePct\":14.5}");
            assertThat(world.held(PADDY, "E-60D", COOP)).isEqualTo("10800");
            JsonNode event = stored(result).path("event");
            assertThat(event.path("type").asText()).isEqualTo("TransformationEvent");
            assertThat(event.path("bizStep").asText()).isEqualTo("creating_class_instance");
            assertThat(event.path("jl:transformationKind").asText()).isEqualTo("drying");
            assertThat(event.at("/bizLocation/id").asText()).isEqualTo("urn:heitu:loc:" + PLOT);
        }

        @Test
        void recording_the_same_transformation_twice_is_a_duplicate_not_a_clash_of_outputs() {
            world.harvest("E-69", "1000");
            String drying = of(
                    "kind",
                    "drying",
                    "inputs",
                    list(lot(PADDY, "E-69", "500", "KGM")),
                    "outputs",
                    list(lot(PADDY, "E-69D", "450", "KGM")),
                    "eventTime",
                    "2026-10-04T08:00:00+08:00");
            Result first = world.ledger.submit(world.farmer, "event:Transform", drying);
            var before = world.ledger.snapshot();

            Result again = world.ledger.submit(world.farmer, "event:Transform", drying);

            assertThat(again).isDuplicate(true);
            assertThat(again.eventId()).isEqualTo(first.eventId());
            assertThat(world.ledger.snapshot()).isEqualTo(before);
            assertThat(world.held(PADDY, "E-69", COOP)).isEqualTo("500");
        }

        @Test
        void refuses_outputs_that_weigh_more_than_the_inputs() {
            world.harvest("E-61", "1000");

            Result result = world.transform(
                    world.farmer,
                    "drying",
                    list(lot(PADDY, "E-61", "1000", "KGM")),
                    list(lot(PADDY, "E-61D", "1000.001", "KGM")));

            assertThat(result).isRefusedWith(ErrorCode.MASS_BALANCE_VIOLATED);
            assertThat(result.error().path("details").toString())
                    .isEqualTo("{\"inputKg\":\"1000\",\"outputKg\":\"1000.001\"}");
        }

        @Test
        void weighs_bags_through_their_net_content_and_tonnes_and_grams_in_kilograms() {
            world.riceChain("T");

            assertThat(world.transform(
                            world.miller,
                            "packing",
                            list(lot(MILLED_RICE, "T-M", "1", "TNE")),
                            list(lot(RICE_BAG_5KG, "T-B2", "201", "H87"))))
                    .isRefusedWith(ErrorCode.UNIT_MISMATCH);
            assertThat(world.transform(
                            world.miller,
                            "packing",
                            list(lot(MILLED_RICE, "T-M", "1000", "KGM")),
                            list(lot(RICE_BAG_5KG, "T-B2", "201", "H87"))))
                    .isRefusedWith(ErrorCode.MASS_BALANCE_VIOLATED);
            assertThat(world.transform(
                            world.miller,
                            "packing",
                            list(lot(MILLED_RICE, "T-M", "1000", "KGM")),
                            list(lot(RICE_BAG_5KG, "T-B2", "199", "H87"), lot(MILLED_RICE, "T-SWEEP", "5000", "GRM"))))
                    .isOk();
        }

        @Test
        void refuses_pieces_of_a_product_whose_weight_is_unknown() {
            world.ok(
                    world.ginsengFarmer,
                    "location:Register",
                    of("id", "FS-PLOT", "kind", "plot", "nameZh", "参园", "areaMu", 10, "address", map("county", "抚松县")));
            world.ok(
                    world.ginsengFarmer,
                    "lot:Commission",
                    of(
                            "gtin",
                            GINSENG,
                            "lotCode",
                            "G-1",
                            "quantity",
                            map("value", 500, "uom", "KGM"),
                            "plotId",
                            "FS-PLOT",
                            "eventTime",
                            world.nextTime()));

            assertThat(world.transform(
                            world.ginsengFarmer,
                            "processing",
                            list(lot(GINSENG, "G-1", "100", "KGM")),
                            list(lot(GINSENG, "G-1R", "300", "H87"))))
                    .isRefusedWith(ErrorCode.UNIT_MISMATCH);
        }

        @Test
        void splits_and_merges_keep_the_product_and_its_weight_exactly() {
            world.harvest("E-62", "1000");

            assertThat(world.transform(
                            world.farmer,
                            "split",
                            list(lot(PADDY, "E-62", "1000", "KGM")),
                            list(lot(PADDY, "E-62A", "600", "KGM"), lot(PADDY, "E-62B", "399", "KGM"))))
                    .isRefusedWith(ErrorCode.MASS_BALANCE_VIOLATED);
            assertThat(world.transform(
                            world.farmer,
                            "split",
                            list(lot(PADDY, "E-62", "1000", "KGM")),
                            list(lot(PADDY, "E-62A", "600", "KGM"), lot(MILLED_RICE, "E-62B", "400", "KGM"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.transform(
                            world.farmer,
                            "split",
                            list(lot(PADDY, "E-62", "1000", "KGM")),
                            list(lot(PADDY, "E-62A", "600", "KGM"), lot(PADDY, "E-62B", "400", "KGM"))))
                    .isOk();
            assertThat(world.lot(PADDY, "E-62A").at("/lot/provenance/origin").asText())
                    .isEqualTo("split");
            assertThat(world.transform(
                            world.farmer,
                            "merge",
                            list(lot(PADDY, "E-62A", "600", "KGM"), lot(PADDY, "E-62B", "400", "KGM")),
                            list(lot(PADDY, "E-62M", "1000", "KGM"))))
                    .isOk();
        }

        @Test
        void refuses_splits_and_merges_of_the_wrong_shape() {
            world.harvest("E-63", "1000");
            world.harvest("E-64", "1000");

            assertThat(world.transform(
                            world.farmer,
                            "split",
                            list(lot(PADDY, "E-63", "1000", "KGM")),
                            list(lot(PADDY, "E-63A", "1000", "KGM"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.transform(
                            world.farmer,
                            "merge",
                            list(lot(PADDY, "E-63", "1000", "KGM")),
                            list(lot(PADDY, "E-63M", "1000", "KGM"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.transform(
                            world.farmer,
                            "merge",
                            list(lot(PADDY, "E-63", "1000", "KGM"), lot(PADDY, "E-64", "1000", "KGM")),
                            list(lot(PADDY, "E-63M", "1000", "KGM"), lot(PADDY, "E-64M", "1000", "KGM"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_more_input_than_the_maker_holds_or_input_it_does_not_hold() {
            world.harvest("E-65", "1000");

            assertThat(world.transform(
                            world.farmer,
                            "drying",
                            list(lot(PADDY, "E-65", "1001", "KGM")),
                            list(lot(PADDY, "E-65D", "900", "KGM"))))
                    .isRefusedWith(ErrorCode.INSUFFICIENT_QUANTITY);
            assertThat(world.transform(
                            world.miller,
                            "milling",
                            list(lot(PADDY, "E-65", "100", "KGM")),
                            list(lot(MILLED_RICE, "E-65M", "60", "KGM"))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void refuses_outputs_that_exist_are_inputs_or_are_unknown_products() {
            world.harvest("E-66", "1000");
            world.harvest("E-67", "1000");

            assertThat(world.transform(
                            world.farmer,
                            "drying",
                            list(lot(PADDY, "E-66", "100", "KGM")),
                            list(lot(PADDY, "E-67", "90", "KGM"))))
                    .isRefusedWith(ErrorCode.LOT_EXISTS);
            assertThat(world.transform(
                            world.farmer,
                            "drying",
                            list(lot(PADDY, "E-66", "100", "KGM")),
                            list(lot(PADDY, "E-66", "90", "KGM"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.transform(
                            world.farmer,
                            "drying",
                            list(lot(PADDY, "E-66", "100", "KGM")),
                            list(lot("06901234500059", "E-66D", "90", "KGM"))))
                    .isRefusedWith(ErrorCode.PRODUCT_NOT_FOUND);
            assertThat(world.ledger.submit(
                            world.farmer,
                            "event:Transform",
                            of(
                                    "inputs",
                                    list(lot(PADDY, "E-66", "100", "KGM")),
                                    "outputs",
                                    list(lot(PADDY, "E-66D", "90", "KGM")),
                                    "eventTime",
                                    world.nextTime())))
                    .as("no kind")
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.transform(
                            world.farmer,
                            "fermenting",
                            list(lot(PADDY, "E-66", "100", "KGM")),
                            list(lot(PADDY, "E-66D", "90", "KGM"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_a_location_that_is_not_the_makers() {
            world.harvest("E-68", "1000");

            assertThat(world.ledger.submit(
                            world.farmer,
                            "event:Transform",
                            of(
                                    "kind",
                                    "drying",
                                    "inputs",
                                    list(lot(PADDY, "E-68", "100", "KGM")),
                                    "outputs",
                                    list(lot(PADDY, "E-68D", "90", "KGM")),
                                    "locationId",
                                    MILL_SITE,
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }
    }

    @Nested
    class Aggregate {

        @Test
        void packs_lots_onto_a_pallet_and_takes_them_off() {
            world.harvest("E-70", "1000");
            world.harvest("E-71", "1000");

            Result packed = aggregate(
                    world.farmer, "ADD", list(lot(PADDY, "E-70", "400", "KGM"), lot(PADDY, "E-71", "500", "KGM")));
            Result more = aggregate(world.farmer, "ADD", list(lot(PADDY, "E-70", "100", "KGM")));
            Result unpacked = aggregate(world.farmer, "DELETE", list(lot(PADDY, "E-71", "500", "KGM")));

            assertThat(packed).isOk();
            assertThat(more).isOk();
            assertThat(unpacked).isOk();
            JsonNode event = stored(packed).path("event");
            assertThat(event.path("type").asText()).isEqualTo("AggregationEvent");
            assertThat(event.path("parentID").asText()).isEqualTo("https://id.gs1.org/00/069012345000000011");
            assertThat(event.path("bizStep").asText()).isEqualTo("packing");
            assertThat(event.path("childQuantityList").size()).isEqualTo(2);
            assertThat(stored(unpacked).at("/event/bizStep").asText()).isEqualTo("unpacking");
            assertThat(world.held(PADDY, "E-70", COOP)).isEqualTo("1000");
        }

        @Test
        void packing_the_same_lots_again_is_a_duplicate_not_a_second_load() {
            world.harvest("E-76", "1000");
            String packing = of(
                    "sscc",
                    SSCC,
                    "action",
                    "ADD",
                    "children",
                    list(lot(PADDY, "E-76", "600", "KGM")),
                    "eventTime",
                    "2026-10-04T08:00:00+08:00");
            String unpacking = of(
                    "sscc",
                    SSCC,
                    "action",
                    "DELETE",
                    "children",
                    list(lot(PADDY, "E-76", "600", "KGM")),
                    "eventTime",
                    "2026-10-04T09:00:00+08:00");

            assertThat(world.ledger.submit(world.farmer, "event:Aggregate", packing))
                    .isDuplicate(false);
            assertThat(world.ledger.submit(world.farmer, "event:Aggregate", packing))
                    .isDuplicate(true);
            assertThat(world.ledger.submit(world.farmer, "event:Aggregate", unpacking))
                    .isDuplicate(false);
            assertThat(world.ledger.submit(world.farmer, "event:Aggregate", unpacking))
                    .isDuplicate(true);
        }

        @Test
        void takes_the_business_step_it_is_given() {
            world.harvest("E-77", "1000");

            Result loaded = world.ledger.submit(
                    world.farmer,
                    "event:Aggregate",
                    of(
                            "sscc",
                            SSCC,
                            "action",
                            "ADD",
                            "bizStep",
                            "loading",
                            "children",
                            list(lot(PADDY, "E-77", "10", "KGM")),
                            "locationId",
                            PLOT,
                            "eventTime",
                            world.nextTime()));

            assertThat(loaded).isOk();
            assertThat(stored(loaded).at("/event/bizStep").asText()).isEqualTo("loading");
            assertThat(stored(loaded).at("/event/bizLocation/id").asText()).isEqualTo("urn:heitu:loc:SL-PLOT-07");
        }

        @Test
        void refuses_more_on_the_pallet_than_is_held() {
            world.harvest("E-72", "1000");
            aggregate(world.farmer, "ADD", list(lot(PADDY, "E-72", "600", "KGM")));

            assertThat(aggregate(world.farmer, "ADD", list(lot(PADDY, "E-72", "401", "KGM"))))
                    .isRefusedWith(ErrorCode.INSUFFICIENT_QUANTITY);
        }

        @Test
        void refuses_another_organisations_pallet_lot_or_sscc() {
            world.harvest("E-73", "1000");
            aggregate(world.farmer, "ADD", list(lot(PADDY, "E-73", "100", "KGM")));

            assertThat(aggregate(world.grocer, "DELETE", list(lot(PADDY, "E-73", "100", "KGM"))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(world.ledger.submit(
                            world.grocer,
                            "event:Aggregate",
                            of(
                                    "sscc",
                                    "069012345000000028",
                                    "action",
                                    "ADD",
                                    "children",
                                    list(lot(PADDY, "E-73", "1", "KGM")),
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.GS1_PREFIX_NOT_OWNED);
        }

        @Test
        void refuses_to_take_off_a_lot_that_is_not_on_the_pallet() {
            world.harvest("E-74", "1000");

            assertThat(aggregate(world.farmer, "DELETE", list(lot(PADDY, "E-74", "1", "KGM"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_a_bad_sscc_or_action() {
            world.harvest("E-75", "1000");

            assertThat(world.ledger.submit(
                            world.farmer,
                            "event:Aggregate",
                            of(
                                    "sscc",
                                    "069012345000000012",
                                    "action",
                                    "ADD",
                                    "children",
                                    list(lot(PADDY, "E-75", "1", "KGM")),
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.INVALID_SSCC);
            assertThat(aggregate(world.farmer, "MOVE", list(lot(PADDY, "E-75", "1", "KGM"))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        private Result aggregate(Enrollment user, String action, List<Object> children) {
            return world.ledger.submit(
                    user,
                    "event:Aggregate",
                    of(
                            "sscc",
                            SSCC,
                            "action",
                            action,
                            "children",
                            children,
                            "locationId",
                            null,
                            "eventTime",
                            world.nextTime()));
        }
    }

    @Nested
    class Get {

        @Test
        void answers_not_found_for_an_event_hash_never_recorded() {
            String unknown = "ni:///sha-256;" + "0".repeat(64) + "?ver=CBV2.0";

            assertThat(world.query(world.regulator, "event:Get", of("eventId", unknown)))
                    .isRefusedWith(ErrorCode.EVENT_NOT_FOUND);
        }

        @Test
        void finds_nothing_under_a_hash_without_its_version() {
            assertThat(world.query(world.regulator, "event:Get", of("eventId", "ni:///sha-256;" + "0".repeat(64))))
                    .isRefusedWith(ErrorCode.EVENT_NOT_FOUND);
        }

        @Test
        void refuses_an_id_that_is_not_an_event_hash() {
            for (String id : List.of("urn:uuid:1234", "ni:///sha-256;" + "a".repeat(120))) {
                assertThat(world.query(world.regulator, "event:Get", of("eventId", id)))
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Test
        void gives_several_events_in_the_order_asked() {
            Result first = world.harvest("G-M1", "100");
            Result second = world.harvest("G-M2", "200");

            JsonNode both = world.query(
                            world.regulator,
                            "event:GetMany",
                            of("eventIds", List.of(second.eventId(), first.eventId())))
                    .json();

            assertThat(both).hasSize(2);
            assertThat(both.get(0)).isEqualTo(stored(second));
            assertThat(both.get(1)).isEqualTo(stored(first));
        }

        @Test
        void refuses_many_when_one_is_unknown_and_an_empty_or_too_long_list() {
            Result known = world.harvest("G-M3", "100");
            String unknown = "ni:///sha-256;" + "0".repeat(64) + "?ver=CBV2.0";

            assertThat(world.query(world.regulator, "event:GetMany", of("eventIds", List.of(known.eventId(), unknown))))
                    .isRefusedWith(ErrorCode.EVENT_NOT_FOUND);
            assertThat(world.query(world.regulator, "event:GetMany", of("eventIds", List.of())))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.query(
                            world.grocer, "event:GetMany", of("eventIds", Collections.nCopies(501, known.eventId()))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class ChaincodeEvents {

        @Test
        void every_recorded_event_announces_itself_and_the_lots_it_touched() {
            world.harvest("E-80", "1000");

            Result result = world.ship(world.farmer, MILL, PADDY, "E-80", "1", "KGM");

            assertThat(result.event().getEventName()).isEqualTo("EventRecorded");
            assertThat(result.event().getPayload().toStringUtf8())
                    .isEqualTo("{\"eventId\":\"" + result.eventId() + "\",\"id\":\"" + result.eventId()
                            + "\",\"kind\":\"event\",\"lots\":[\"https://id.gs1.org/01/06901234500011/10/E-80\"]}");
        }

        @Test
        void a_duplicate_announces_nothing_and_changes_nothing() {
            world.harvest("E-81", "1000");
            String request = of(
                    "lots",
                    list(lot(PADDY, "E-81", "10", "KGM")),
                    "toMsp",
                    MILL,
                    "eventTime",
                    "2026-10-04T08:00:00+08:00");
            Result first = world.ledger.submit(world.farmer, "event:Ship", request);
            var before = world.ledger.snapshot();

            Result again = world.ledger.submit(world.farmer, "event:Ship", request);

            assertThat(again).isDuplicate(true);
            assertThat(again.eventId()).isEqualTo(first.eventId());
            assertThat(again.event()).isNull();
            assertThat(world.ledger.snapshot()).isEqualTo(before);
            assertThat(world.held(PADDY, "E-81", COOP)).isEqualTo("990");
        }
    }

    private JsonNode stored(Result result) {
        return world.query(world.regulator, "event:Get", of("eventId", result.eventId()))
                .json();
    }
}
