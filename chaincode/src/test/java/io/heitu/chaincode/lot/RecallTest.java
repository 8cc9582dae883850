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
        void holds_the_lot_and_every_lot_made_from_it_by_writing_the_lot_alone() {
            Result result = world.hold(world.inspector, PADDY, chain.paddy(), "suspected cadmium");

            assertThat(result).isDuplicate(false);
            assertThat(lots(result)).containsExactly(epc(PADDY, chain.paddy()));
            assertThat(world.ledger.lastSubmitted().readWriteSet().writes())
                    .extracting(write -> write.key())
                    .noneMatch(key -> key.contains(chain.bags()) || key.contains(chain.milled()));
            for (String[] lot : everyLot()) {
                JsonNode view = world.lot(lot[0], lot[1]);
                assertThat(view.path("state").asText()).as(lot[1]).isIn("on_hold");
                assertThat(view.at("/holds/0/originLot").asText()).isEqualTo(epc(PADDY, chain.paddy()));
                assertThat(view.at("/holds/0/byMsp").asText()).isEqualTo(World.INSPECTION);
                assertThat(view.at("/holds/0/byRole").asText()).isEqualTo("inspector");
                assertThat(view.at("/holds/0/kind").asText()).isEqualTo("hold");
                assertThat(view.at("/holds/0/reason").asText()).isEqualTo("suspected cadmium");
            }
            assertThat(world.lot(PADDY, chain.paddy()).at("/lot/holds/0/reason").asText())
                    .isEqualTo("suspected cadmium");
            assertThat(world.lot(RICE_BAG_5KG, chain.bags()).at("/lot/holds").isEmpty())
                    .isTrue();
        }

        @Test
        void records_one_holding_event_on_the_lot() {
            Result result = world.hold(world.regulator, PADDY, chain.paddy(), "suspected cadmium");

            JsonNode event = world.query(world.regulator, "event:Get", of("eventId", result.eventId()))
                    .json()
                    .path("event");
            assertThat(event.path("bizStep").asText()).isEqualTo("holding");
            assertThat(event.path("disposition").asText()).isEqualTo("non_sellable_other");
            assertThat(event.path("jl:statusAction").asText()).isEqualTo("hold");
            assertThat(result.event().getEventName()).isEqualTo("EventRecorded");
            assertThat(lastEventOf(PADDY, chain.paddy())).isEqualTo(result.eventId());
            assertThat(world.lot(PADDY, chain.paddy()).at("/holds/0/id").asText())
                    .isEqualTo(result.eventId().substring("ni:///sha-256;".length(), "ni:///sha-256;".length() + 16));
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
        void lays_a_second_hold_over_a_lot_already_held_but_refuses_a_recalled_one() {
            world.hold(world.inspector, PADDY, chain.paddy(), "first");
            world.recall(world.regulator, RICE_BAG_5KG, chain.bags(), "cadmium");

            assertThat(world.hold(world.inspector, MILLED_RICE, chain.milled(), "again"))
                    .isOk();
            assertThat(world.lot(MILLED_RICE, chain.milled()).path("holds")).hasSize(2);
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
        void lifts_the_lots_own_hold_and_leaves_every_other_hold_in_place() {
            world.hold(world.inspector, RICE_BAG_5KG, chain.bags(), "bag seal check");
            world.hold(world.inspector, PADDY, chain.paddy(), "suspected cadmium");

            Result result = world.release(world.inspector, PADDY, chain.paddy(), "lab clear");

            assertThat(result).isOk();
            assertThat(lots(result)).containsExactly(epc(PADDY, chain.paddy()));
            assertThat(world.lot(MILLED_RICE, chain.milled()).path("state").asText())
                    .isEqualTo("active");
            assertThat(world.lot(MILLED_RICE, chain.milled()).path("holds")).isEmpty();
            assertThat(world.lot(RICE_BAG_5KG, chain.bags()).path("state").asText())
                    .isEqualTo("on_hold");
            assertThat(world.ship(world.miller, MART, MILLED_RICE, chain.milled(), "10", "KGM"))
                    .isOk();
            assertThat(world.ship(world.miller, MART, RICE_BAG_5KG, chain.bags(), "10", "H87"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
        }

        @Test
        void refuses_a_lot_that_is_not_on_hold() {
            assertThat(world.release(world.regulator, PADDY, chain.paddy(), "nothing to release"))
                    .isRefusedWith(ErrorCode.LOT_NOT_ON_HOLD);
        }

        @Test
        void a_hold_through_an_ancestor_is_released_on_the_ancestor_only() {
            world.hold(world.inspector, PADDY, chain.paddy(), "suspected cadmium");

            Result result = world.release(world.inspector, RICE_BAG_5KG, chain.bags(), "bags look fine");

            assertThat(result).isRefusedWith(ErrorCode.HOLD_INHERITED);
            assertThat(result.error().at("/details/originLot").asText()).isEqualTo(epc(PADDY, chain.paddy()));
            assertThat(world.lot(RICE_BAG_5KG, chain.bags()).path("state").asText())
                    .isEqualTo("on_hold");
        }

        @Test
        void of_a_lot_with_several_holds_names_the_one_it_lifts() {
            world.hold(world.inspector, MILLED_RICE, chain.milled(), "抽检");
            world.hold(world.regulator, MILLED_RICE, chain.milled(), "举报");
            JsonNode holds = world.lot(MILLED_RICE, chain.milled()).path("holds");

            assertThat(world.release(world.regulator, MILLED_RICE, chain.milled(), "which?"))
                    .isRefusedWith(ErrorCode.HOLD_AMBIGUOUS);
            assertThat(world.ledger.submit(
                            world.regulator,
                            "lot:Release",
                            of(
                                    "gtin",
                                    MILLED_RICE,
                                    "lotCode",
                                    chain.milled(),
                                    "reason",
                                    "x",
                                    "holdId",
                                    "0123456789abcdef")))
                    .isRefusedWith(ErrorCode.HOLD_NOT_FOUND);
            assertThat(world.ledger.submit(
                            world.regulator,
                            "lot:Release",
                            of(
                                    "gtin",
                                    MILLED_RICE,
                                    "lotCode",
                                    chain.milled(),
                                    "reason",
                                    "举报不实",
                                    "holdId",
                                    holds.at("/1/id").asText())))
                    .isOk();
            JsonNode left = world.lot(MILLED_RICE, chain.milled());
            assertThat(left.path("state").asText()).isEqualTo("on_hold");
            assertThat(left.at("/holds/0/reason").asText()).isEqualTo("抽检");
            assertThat(world.release(world.inspector, MILLED_RICE, chain.milled(), "合格"))
                    .isOk();
            assertThat(world.lot(MILLED_RICE, chain.milled()).path("state").asText())
                    .isEqualTo("active");
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
            assertThat(lots(result)).containsExactly(epc(PADDY, chain.paddy()));
            for (String[] lot : everyLot()) {
                JsonNode view = world.lot(lot[0], lot[1]);
                assertThat(view.path("state").asText()).as(lot[1]).isEqualTo("recalled");
                assertThat(view.at("/recall/originLot").asText()).isEqualTo(epc(PADDY, chain.paddy()));
                assertThat(view.at("/recall/byRole").asText()).isEqualTo("regulator");
            }
            JsonNode event = world.query(world.regulator, "event:Get", of("eventId", result.eventId()))
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
            String martPallet = "069012345003000018";

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
                                    martPallet,
                                    "action",
                                    "ADD",
                                    "children",
                                    list(J.lot(RICE_BAG_5KG, chain.bags(), "10", "H87")),
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);

            // A recalled lot changes hands only as a return: the 40 bags still on the road stay
            // in transit to the supermarket (the recall report lists them there).
            assertThat(world.receive(world.grocer, RICE_BAG_5KG, chain.bags(), "40", "H87"))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(world.dispose(world.grocer, RICE_BAG_5KG, chain.bags(), "50", "H87"))
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
            String pallet = "069012345000200015";
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

            JsonNode view = world.lot(MILLED_RICE, chain.milled());
            assertThat(view.path("state").asText()).isEqualTo("recalled");
            assertThat(view.at("/holds/0/reason").asText()).isEqualTo("抽检");
            assertThat(view.at("/recall/reason").asText()).isEqualTo("cadmium");
            assertThat(view.at("/lot/recall/reason").asText()).isEqualTo("cadmium");
        }

        @Test
        void refuses_to_recall_a_lot_twice_or_a_lot_recalled_through_an_ancestor() {
            world.recall(world.regulator, RICE_BAG_5KG, chain.bags(), "torn bags");

            assertThat(world.recall(world.regulator, RICE_BAG_5KG, chain.bags(), "again"))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(world.recall(world.regulator, PADDY, chain.paddy(), "cadmium"))
                    .isOk();
            assertThat(world.recall(world.regulator, MILLED_RICE, chain.milled(), "cadmium"))
                    .isRefusedWith(ErrorCode.LOT_RECALLED);
            assertThat(world.lot(RICE_BAG_5KG, chain.bags())
                            .at("/recall/reason")
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
        JsonNode items = world.query(world.regulator, "lot:Events", of("gtin", gtin, "lotCode", lotCode))
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
