package io.heitu.chaincode.lot;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hold, release and recall, each reaching every lot made from the target. */
class RecallTest {

    private final World world = World.standard();
    private final World.RiceChain chain = world.riceChain("R");

    @Nested
    class Hold {

        @Test
        void holds_the_lot_and_every_lot_made_from_it() {
            Result result = world.hold(world.inspector, PADDY, chain.paddy(), "suspected cadmium");

            assertThat(result).isDuplicate(false);
            assertThat(lots(result))
                    .containsExactly(
                            epc(PADDY, chain.paddy()),
                            epc(PADDY, chain.dried()),
                            epc(MILLED_RICE, chain.milled()),
                            epc(RICE_BAG_5KG, chain.bags()));
            for (String[] lot : everyLot()) {
                JsonNode view = world.lot(lot[0], lot[1]);
                assertThat(view.path("state").asText()).as(lot[1]).isIn("on_hold");
                assertThat(view.at("/lot/hold/originLot").asText()).isEqualTo(epc(PADDY, chain.paddy()));
                assertThat(view.at("/lot/hold/byMsp").asText()).isEqualTo(World.INSPECTION);
                assertThat(view.at("/lot/hold/byRole").asText()).isEqualTo("inspector");
                assertThat(view.at("/lot/hold/reason").asText()).isEqualTo("suspected cadmium");
            }
        }

        @Test
        void records_one_holding_event_indexed_on_every_lot_it_reached() {
            Result result = world.hold(world.regulator, PADDY, chain.paddy(), "suspected cadmium");

            JsonNode event = world.query(world.grocer, "event:Get", of("eventId", result.eventId()))
                    .json()
                    .path("event");
            assertThat(event.path("bizStep").asText()).isEqualTo("holding");
            assertThat(event.path("disposition").asText()).isEqualTo("non_sellable_other");
            assertThat(event.path("jl:statusAction").asText()).isEqualTo("hold");
            assertThat(event.path("jl:affectedLots").asInt()).isEqualTo(4);
            assertThat(result.event().getEventName()).isEqualTo("EventRecorded");
            assertThat(lastEventOf(RICE_BAG_5KG, chain.bags())).isEqualTo(result.eventId());
        }

        @Test
        void stops_movement_but_not_storage_inspection_or_disposal() {
            world.hold(world.inspector, MILLED_RICE, chain.milled(), "抽检");

            assertThat(world.ship(world.miller, MART, RICE_BAG_5KG, chain.bags(), "10", "H87"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
            assertThat(world.transform(
                            world.miller,
                            "packing",
                            list(J.lot(MILLED_RICE, chain.milled(), "100", "KGM")),
                            list(J.lot(RICE_BAG_5KG, "R-B2", "20", "H87"))))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
            assertThat(world.ledger.submit(
                            world.miller,
                            "event:Observe",
                            of(
                                    "bizStep",
                                    "storing",
                                    "lots",
                                    list(map("gtin", RICE_BAG_5KG, "lotCode", chain.bags())),
                                    "eventTime",
                                    world.nextTime())))
                    .isOk();
            assertThat(world.labResult(RICE_BAG_5KG, chain.bags(), "0.05")).isOk();
            assertThat(world.dispose(world.miller, RICE_BAG_5KG, chain.bags(), "1", "H87"))
                    .isOk();
        }

        @Test
        void refuses_a_lot_already_on_hold_or_recalled() {
            world.hold(world.inspector, PADDY, chain.paddy(), "first");
            world.recall(world.regulator, RICE_BAG_5KG, chain.bags(), "cadmium");

            assertThat(world.hold(world.inspector, MILLED_RICE, chain.milled(), "again"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
            assertThat(world.hold(world.inspector, RICE_BAG_5KG, chain.bags(), "again"))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
        }

        @Test
        void needs_a_lot_on_the_ledger_and_a_reason() {
            assertThat(world.hold(world.inspector, PADDY, "NONE", "why")).isRefusedWith(ErrorCode.LOT_NOT_FOUND);
            assertThat(world.hold(world.inspector, PADDY, chain.paddy(), " "))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class Release {

        @Test
        void releases_the_lot_and_the_descendants_its_hold_reached_but_not_other_holds() {
            world.hold(world.inspector, RICE_BAG_5KG, chain.bags(), "bag seal check");
            world.hold(world.inspector, PADDY, chain.paddy(), "suspected cadmium");

            Result result = world.release(world.inspector, PADDY, chain.paddy(), "lab clear");

            assertThat(result).isOk();
            assertThat(lots(result))
                    .containsExactly(
                            epc(PADDY, chain.paddy()), epc(PADDY, chain.dried()), epc(MILLED_RICE, chain.milled()));
            assertThat(world.lot(MILLED_RICE, chain.milled()).path("state").asText())
                    .isEqualTo("active");
            assertThat(world.lot(MILLED_RICE, chain.milled()).at("/lot/hold").isMissingNode())
                    .isTrue();
            assertThat(world.lot(RICE_BAG_5KG, chain.bags()).path("state").asText())
                    .isEqualTo("on_hold");
            assertThat(world.ship(world.miller, MART, MILLED_RICE, chain.milled(), "10", "KGM"))
                    .isOk();
        }

        @Test
        void refuses_a_lot_that_is_not_on_hold() {
            assertThat(world.release(world.regulator, PADDY, chain.paddy(), "nothing to release"))
                    .isRefusedWith(ErrorCode.LOT_NOT_ON_HOLD);
        }

        @Test
        void does_not_release_a_recall() {
            world.recall(world.regulator, PADDY, chain.paddy(), "cadmium");

            assertThat(world.release(world.regulator, PADDY, chain.paddy(), "mistake"))
                    .isRefusedWith(ErrorCode.LOT_NOT_ON_HOLD);
        }
    }

    @Nested
    class Recall {

        @Test
        void a_recall_of_the_paddy_reaches_every_bag() {
            Result result = world.recall(world.regulator, PADDY, chain.paddy(), "cadmium above GB 2762");

            assertThat(result).isOk();
            assertThat(lots(result)).hasSize(4);
            for (String[] lot : everyLot()) {
                JsonNode view = world.lot(lot[0], lot[1]);
                assertThat(view.path("state").asText()).as(lot[1]).isEqualTo("recalled");
                assertThat(view.at("/lot/recall/originLot").asText()).isEqualTo(epc(PADDY, chain.paddy()));
                assertThat(view.at("/lot/recall/byRole").asText()).isEqualTo("regulator");
            }
            JsonNode event = world.query(world.grocer, "event:Get", of("eventId", result.eventId()))
                    .json()
                    .path("event");
            assertThat(event.path("disposition").asText()).isEqualTo("recalled");
            assertThat(event.path("jl:statusAction").asText()).isEqualTo("recall");
        }

        @Test
        void leaves_a_recalled_lot_only_recall_handling() {
            world.ship(world.miller, MART, RICE_BAG_5KG, chain.bags(), "100", "H87");
            world.receive(world.grocer, RICE_BAG_5KG, chain.bags(), "60", "H87");
            world.recall(world.inspector, PADDY, chain.paddy(), "cadmium");

            assertThat(world.sell(world.grocer, RICE_BAG_5KG, chain.bags(), "1", "H87"))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(world.ship(world.miller, MART, RICE_BAG_5KG, chain.bags(), "1", "H87"))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(world.ledger.submit(
                            world.grocer,
                            "event:Observe",
                            of(
                                    "bizStep",
                                    "storing",
                                    "lots",
                                    list(map("gtin", RICE_BAG_5KG, "lotCode", chain.bags())),
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(world.labResult(RICE_BAG_5KG, chain.bags(), "0.3")).isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(world.ledger.submit(
                            world.grocer,
                            "event:Aggregate",
                            of(
                                    "sscc",
                                    "069012345000000028",
                                    "action",
                                    "ADD",
                                    "children",
                                    list(J.lot(RICE_BAG_5KG, chain.bags(), "10", "H87")),
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);

            assertThat(world.receive(world.grocer, RICE_BAG_5KG, chain.bags(), "40", "H87"))
                    .isOk();
            assertThat(world.dispose(world.grocer, RICE_BAG_5KG, chain.bags(), "90", "H87"))
                    .isOk();
            assertThat(world.ledger.submit(
                            world.grocer,
                            "event:Ship",
                            of(
                                    "lots",
                                    list(J.lot(RICE_BAG_5KG, chain.bags(), "10", "H87")),
                                    "toMsp",
                                    MILL,
                                    "returnShipment",
                                    true,
                                    "eventTime",
                                    world.nextTime())))
                    .isOk();
            assertThat(world.receive(world.miller, RICE_BAG_5KG, chain.bags(), "10", "H87"))
                    .isOk();
            assertThat(world.held(RICE_BAG_5KG, chain.bags(), MART)).isEqualTo("0");
        }

        @Test
        void lets_recalled_goods_be_taken_off_a_pallet_but_not_put_on_one() {
            String pallet = "069012345000000028";
            String packing = of(
                    "sscc",
                    pallet,
                    "action",
                    "ADD",
                    "children",
                    list(J.lot(RICE_BAG_5KG, chain.bags(), "100", "H87")),
                    "eventTime",
                    world.nextTime());
            world.ok(world.miller, "event:Aggregate", packing);
            world.recall(world.regulator, PADDY, chain.paddy(), "cadmium");

            assertThat(world.ledger.submit(
                            world.miller,
                            "event:Aggregate",
                            of(
                                    "sscc",
                                    pallet,
                                    "action",
                                    "ADD",
                                    "children",
                                    list(J.lot(RICE_BAG_5KG, chain.bags(), "1", "H87")),
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(world.ledger.submit(
                            world.miller,
                            "event:Aggregate",
                            of(
                                    "sscc",
                                    pallet,
                                    "action",
                                    "DELETE",
                                    "children",
                                    list(J.lot(RICE_BAG_5KG, chain.bags(), "100", "H87")),
                                    "eventTime",
                                    world.nextTime())))
                    .isOk();
        }

        @Test
        void recalls_a_lot_on_hold_and_keeps_the_record_of_the_hold() {
            world.hold(world.inspector, MILLED_RICE, chain.milled(), "抽检");

            assertThat(world.recall(world.regulator, MILLED_RICE, chain.milled(), "cadmium"))
                    .isOk();

            JsonNode lot = world.lot(MILLED_RICE, chain.milled()).path("lot");
            assertThat(lot.path("status").asText()).isEqualTo("recalled");
            assertThat(lot.at("/hold/reason").asText()).isEqualTo("抽检");
            assertThat(lot.at("/recall/reason").asText()).isEqualTo("cadmium");
        }

        @Test
        void refuses_to_recall_a_lot_twice_but_reaches_descendants_not_yet_recalled() {
            world.recall(world.regulator, RICE_BAG_5KG, chain.bags(), "torn bags");

            assertThat(world.recall(world.regulator, RICE_BAG_5KG, chain.bags(), "again"))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            Result paddy = world.recall(world.regulator, PADDY, chain.paddy(), "cadmium");
            assertThat(lots(paddy)).hasSize(3).doesNotContain(epc(RICE_BAG_5KG, chain.bags()));
            assertThat(world.lot(RICE_BAG_5KG, chain.bags())
                            .at("/lot/recall/reason")
                            .asText())
                    .isEqualTo("torn bags");
        }

        @Test
        void answers_not_found_for_an_unknown_lot() {
            assertThat(world.recall(world.regulator, PADDY, "NONE", "x")).isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }
    }

    @Nested
    class Idempotence {

        @Test
        void a_status_event_identical_to_one_recorded_is_a_duplicate_and_changes_nothing() {
            // Same lot, same reason, same transaction time: the same EPCIS event, hence the same ID.
            world.hold(world.inspector, PADDY, chain.paddy(), "抽检");
            world.release(world.inspector, PADDY, chain.paddy(), "clear");
            var before = world.ledger.snapshot();

            Result again = world.hold(world.inspector, PADDY, chain.paddy(), "抽检");

            assertThat(again).isDuplicate(true);
            assertThat(again.event()).isNull();
            assertThat(world.ledger.snapshot()).isEqualTo(before);
            assertThat(world.lot(PADDY, chain.paddy()).path("state").asText()).isEqualTo("consumed");
        }
    }

    private List<String[]> everyLot() {
        return List.of(
                new String[] {PADDY, chain.paddy()},
                new String[] {PADDY, chain.dried()},
                new String[] {MILLED_RICE, chain.milled()},
                new String[] {RICE_BAG_5KG, chain.bags()});
    }

    private String lastEventOf(String gtin, String lotCode) {
        JsonNode items = world.query(world.grocer, "lot:Events", of("gtin", gtin, "lotCode", lotCode))
                .json()
                .path("items");
        return items.get(items.size() - 1).path("eventId").asText();
    }

    private static List<String> lots(Result result) {
        List<String> lots = new ArrayList<>();
        result.json().path("lots").forEach(lot -> lots.add(lot.asText()));
        return lots;
    }

    private static String epc(String gtin, String lotCode) {
        return "https://id.gs1.org/01/" + gtin + "/10/" + lotCode;
    }
}
