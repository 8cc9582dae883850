package io.heitu.chaincode;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.CARRIER;
import static io.heitu.chaincode.support.World.COOP;
import static io.heitu.chaincode.support.World.MART;
import static io.heitu.chaincode.support.World.MILL;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Uom;
import io.heitu.chaincode.lot.Ancestry;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.LotOrigin;
import io.heitu.chaincode.lot.Provenance;
import io.heitu.chaincode.support.Actors;
import io.heitu.chaincode.support.Epcis;
import io.heitu.chaincode.support.J;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.SigningKeys;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.Write;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One regression test per defect of issue 10, each reproduced as an attacker would and named after
 * the guarantee it breaks. Together with the model-based {@code IntegrityModelTest} they hold the
 * README's "What the ledger guarantees" to account.
 */
class IntegrityRegressionTest {

    private final World world = World.standard();

    /** Defect 1: a transaction sees its own writes, range scans included. */
    @Nested
    class ConservationWithinOneTransaction {

        @Test
        void two_receipts_of_one_shipment_in_one_batch_receive_it_once() {
            world.require(world.harvest("D1-P", "100"));
            world.require(world.ship(world.farmer, MART, PADDY, "D1-P", "100", "KGM"));

            Result batch = world.ledger.submit(
                    world.grocer,
                    "event:Batch",
                    of("entries", list(receipt("D1-P", "100", 1), receipt("D1-P", "100", 2))));

            assertThat(batch).isRefusedWith(ErrorCode.NOTHING_IN_TRANSIT);
            assertThat(batch.message()).contains("entry 1");
            assertThat(world.held(PADDY, "D1-P", MART)).isEqualTo("0");
        }

        @Test
        void split_receipts_in_one_batch_leave_nothing_in_transit_to_receive_again() {
            world.require(world.harvest("D1-Q", "100"));
            world.require(world.ship(world.farmer, MART, PADDY, "D1-Q", "100", "KGM"));

            assertThat(world.ledger.submit(
                            world.grocer,
                            "event:Batch",
                            of("entries", list(receipt("D1-Q", "60", 1), receipt("D1-Q", "40", 2)))))
                    .isOk();

            assertThat(world.held(PADDY, "D1-Q", MART)).isEqualTo("100");
            assertThat(world.lot(PADDY, "D1-Q").path("inTransit")).isEmpty();
            assertThat(world.receive(world.grocer, PADDY, "D1-Q", "60", "KGM"))
                    .isRefusedWith(ErrorCode.NOTHING_IN_TRANSIT);
        }

        @Test
        void two_captured_receipts_of_one_shipment_receive_it_once() {
            world.require(world.harvest("D1-R", "100"));
            world.require(world.ship(world.farmer, MART, PADDY, "D1-R", "100", "KGM"));

            Result capture = world.ledger.submit(
                    world.grocer,
                    "event:Capture",
                    Epcis.capture(List.of(
                            Epcis.objectEvent("receiving", world.nextTime(), PADDY, "D1-R", "100", "KGM"),
                            Epcis.objectEvent("receiving", world.nextTime(), PADDY, "D1-R", "100", "KGM"))));

            assertThat(capture).isRefusedWith(ErrorCode.NOTHING_IN_TRANSIT);
            assertThat(world.held(PADDY, "D1-R", MART)).isEqualTo("0");
        }

        private Map<String, Object> receipt(String lotCode, String kilograms, int line) {
            return map(
                    "action",
                    "receive",
                    "request",
                    map(
                            "lots",
                            list(J.lot(PADDY, lotCode, kilograms, "KGM")),
                            "eventTime",
                            "2026-10-04T09:00:00+08:00",
                            "line",
                            line));
        }
    }

    /** Defect 2: capture does only what the capturing role may do, within the mass balance. */
    @Nested
    class CapturedTransformations {

        @Test
        void a_retailer_cannot_capture_a_transformation_of_its_lot() {
            world.require(world.harvest("D2-P", "100"));
            world.require(world.ship(world.farmer, MART, PADDY, "D2-P", "1", "KGM"));
            world.require(world.receive(world.grocer, PADDY, "D2-P", "1", "KGM"));

            Result capture = world.ledger.submit(
                    world.grocer,
                    "event:Capture",
                    Epcis.capture(List.of(milling(Epcis.line(PADDY, "D2-P", "0.001", "KGM"), "999999999"))));

            assertThat(capture).isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
            assertThat(world.held(PADDY, "D2-P", MART)).isEqualTo("1");
        }

        @Test
        void a_processor_cannot_capture_outputs_heavier_than_its_known_inputs() {
            world.riceChain("D2");
            Result capture = world.ledger.submit(
                    world.miller,
                    "event:Capture",
                    Epcis.capture(List.of(milling(Epcis.line(MILLED_RICE, "D2-M", "0.001", "KGM"), "999999999"))));

            assertThat(capture).isRefusedWith(ErrorCode.MASS_BALANCE_VIOLATED);
        }

        private ObjectNode milling(ObjectNode knownInput, String outputKilograms) {
            ObjectNode milling = Epcis.event("TransformationEvent", "commissioning", world.nextTime());
            milling.putArray("inputQuantityList")
                    .add(knownInput)
                    .add(Epcis.element("urn:epc:class:lgtin:4012345.012345.UNKNOWN", "5", "KGM"));
            milling.putArray("outputQuantityList").add(Epcis.line(MILLED_RICE, "D2-BIG", outputKilograms, "KGM"));
            return milling;
        }
    }

    /** Defect 3: no member's writes make a lot unrecallable; hold and recall are bounded work. */
    @Nested
    class Unrecallable {

        @Test
        void a_lot_with_100_000_descendants_is_held_and_recalled_in_a_few_writes() {
            world.require(world.harvest("D3-P", "1000"));
            LotRef root = new LotRef(PADDY, "D3-P");
            List<Write> seeded = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                LotRef child = new LotRef(PADDY, "D3-" + i);
                Lot lot = Lot.created(
                        child.gtin(),
                        child.lotCode(),
                        new Provenance(
                                COOP,
                                null,
                                LotOrigin.SPLIT,
                                new Quantity(BigDecimal.ONE, Uom.KGM),
                                "ni:///sha-256;seed",
                                "2026-10-04T00:00:00.000Z",
                                null));
                seeded.add(write(Json.bytes(lot), "lot", child.gtin(), child.lotCode()));
                seeded.add(write(
                        Json.bytes(new Ancestry(List.of(root), List.of(World.PLOT), false)),
                        "ancestry",
                        child.gtin(),
                        child.lotCode()));
                seeded.add(write(
                        "{}".getBytes(),
                        "lineage",
                        "down",
                        root.gtin(),
                        root.lotCode(),
                        child.gtin(),
                        child.lotCode()));
            }
            seeded.add(write(
                    Json.bytes(Map.of("mspId", COOP, "quantity", Map.of("uom", "KGM", "value", 1))),
                    "holding",
                    PADDY,
                    "D3-99999",
                    COOP));
            world.ledger.state().apply(seeded, new Version(1_000_000, 0), "seed", world.ledger.now());

            Result hold = world.hold(world.inspector, PADDY, "D3-P", "cadmium?");
            assertThat(hold).isOk();
            assertThat(world.ledger.lastSubmitted().readWriteSet().writes()).hasSizeLessThan(5);
            assertThat(world.lot(PADDY, "D3-99999").path("state").asText()).isEqualTo("on_hold");
            assertThat(world.ship(world.farmer, MILL, PADDY, "D3-99999", "1", "KGM"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);

            assertThat(world.recall(world.regulator, PADDY, "D3-P", "cadmium")).isOk();
            assertThat(world.ledger.lastSubmitted().readWriteSet().writes()).hasSizeLessThan(5);
            assertThat(world.lot(PADDY, "D3-99999").path("state").asText()).isEqualTo("recalled");
        }

        @Test
        void nobody_can_pre_create_links_from_a_future_lot_of_a_registered_product() {
            ObjectNode spam = Epcis.event("TransformationEvent", null, world.nextTime());
            spam.putArray("inputQuantityList").add(Epcis.line(PADDY, "D3-FUTURE", "0.001", "KGM"));
            spam.putArray("outputQuantityList")
                    .add(Epcis.element("urn:epc:class:lgtin:4012345.012345.SPAM-1", "0.001", "KGM"));

            assertThat(world.ledger.submit(world.grocer, "event:Capture", Epcis.capture(List.of(spam))))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }

        @Test
        void a_lot_split_into_thousands_of_tiny_lots_is_still_held_by_a_failing_result() {
            world.require(world.harvest("D3-S", "10"));
            List<Object> outputs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                outputs.add(J.lot(PADDY, "D3-S" + i, "0.1", "KGM"));
            }
            world.require(world.transform(world.farmer, "split", list(J.lot(PADDY, "D3-S", "10", "KGM")), outputs));

            assertThat(world.labResult(PADDY, "D3-S", "0.5")).isOk();

            assertThat(world.ship(world.farmer, MILL, PADDY, "D3-S42", "0.1", "KGM"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
        }
    }

    /** Defect 4: a lot carries every hold that applies to it until each is released. */
    @Nested
    class EveryHoldUntilReleased {

        @Test
        void a_lot_that_failed_its_own_test_stays_held_when_its_ancestor_is_released() {
            World.RiceChain chain = world.riceChain("D4");
            world.require(world.hold(world.inspector, PADDY, chain.paddy(), "抽检"));
            world.require(world.labResult(MILLED_RICE, chain.milled(), "0.35"));

            world.require(world.release(world.inspector, PADDY, chain.paddy(), "paddy clear"));

            assertThat(world.lot(MILLED_RICE, chain.milled()).path("state").asText())
                    .isEqualTo("on_hold");
            assertThat(world.ship(world.miller, MART, MILLED_RICE, chain.milled(), "10", "KGM"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
        }

        @Test
        void overlapping_holds_released_in_either_order_hold_until_the_last() {
            World.RiceChain chain = world.riceChain("D4B");
            world.require(world.hold(world.inspector, PADDY, chain.paddy(), "paddy"));
            world.require(world.hold(world.regulator, MILLED_RICE, chain.milled(), "milled"));

            world.require(world.release(world.regulator, MILLED_RICE, chain.milled(), "milled clear"));
            assertThat(world.ship(world.miller, MART, RICE_BAG_5KG, chain.bags(), "1", "H87"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
            world.require(world.release(world.inspector, PADDY, chain.paddy(), "paddy clear"));
            assertThat(world.ship(world.miller, MART, RICE_BAG_5KG, chain.bags(), "1", "H87"))
                    .isOk();
        }
    }

    /** Defect 5: a return goes only to the party the lot came from, and stays held. */
    @Nested
    class Returns {

        @Test
        void a_held_lot_returns_only_to_whom_it_came_from_and_stays_held() {
            world.require(world.harvest("D5-P", "100"));
            world.require(world.ship(world.farmer, MILL, PADDY, "D5-P", "100", "KGM"));
            world.require(world.receive(world.miller, PADDY, "D5-P", "100", "KGM"));
            world.require(world.hold(world.inspector, PADDY, "D5-P", "抽检"));

            assertThat(returnTo(world.miller, MART)).isRefusedWith(ErrorCode.RETURN_NOT_TO_SUPPLIER);
            assertThat(returnTo(world.farmer, MILL)).isRefusedWith(ErrorCode.RETURN_NOT_TO_SUPPLIER);
            ObjectNode captured = Epcis.shipping(world.nextTime(), PADDY, "D5-P", "10", "KGM", MART)
                    .put("disposition", "returned");
            assertThat(world.ledger.submit(world.miller, "event:Capture", Epcis.capture(List.of(captured))))
                    .isRefusedWith(ErrorCode.RETURN_NOT_TO_SUPPLIER);

            assertThat(returnTo(world.miller, COOP)).isOk();
            assertThat(world.receive(world.farmer, PADDY, "D5-P", "10", "KGM")).isOk();
            assertThat(world.lot(PADDY, "D5-P").path("state").asText()).isEqualTo("on_hold");
            assertThat(world.ship(world.farmer, MART, PADDY, "D5-P", "10", "KGM"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
        }

        @Test
        void a_held_lot_changes_hands_only_as_a_return() {
            world.require(world.harvest("D5-Q", "100"));
            world.require(world.ship(world.farmer, MILL, PADDY, "D5-Q", "60", "KGM"));
            world.require(world.hold(world.inspector, PADDY, "D5-Q", "抽检"));

            assertThat(world.receive(world.miller, PADDY, "D5-Q", "60", "KGM")).isRefusedWith(ErrorCode.LOT_ON_HOLD);
            assertThat(world.release(world.inspector, PADDY, "D5-Q", "合格")).isOk();
            assertThat(world.receive(world.miller, PADDY, "D5-Q", "60", "KGM")).isOk();
        }

        private Result returnTo(Enrollment from, String toMsp) {
            return world.ledger.submit(
                    from,
                    "event:Ship",
                    of(
                            "lots",
                            list(J.lot(PADDY, "D5-P", "10", "KGM")),
                            "toMsp",
                            toMsp,
                            "returnShipment",
                            true,
                            "eventTime",
                            world.nextTime()));
        }
    }

    /** Defect 6: codes never outnumber units; none after the lot is used up; the regulator decides. */
    @Nested
    class Codes {

        @Test
        void codes_never_outnumber_the_units_of_a_lot_across_issuances() {
            World.RiceChain chain = passedBags("D6");

            assertThat(issue(chain.bags(), 600)).isOk();
            assertThat(issue(chain.bags(), 400)).isOk();
            Result third = issue(chain.bags(), 1);

            assertThat(third).isRefusedWith(ErrorCode.CODES_EXCEED_UNITS);
            assertThat(third.error().at("/details/units").asText()).isEqualTo("1000");
        }

        @Test
        void no_codes_are_issued_after_the_lot_is_used_up() {
            World.RiceChain chain = passedBags("D6B");
            world.require(world.dispose(world.miller, RICE_BAG_5KG, chain.bags(), "1000", "H87"));

            assertThat(issue(chain.bags(), 1)).isRefusedWith(ErrorCode.LOT_USED_UP);
        }

        @Test
        void the_regulator_not_the_registrant_decides_which_products_need_an_inspection() {
            World.RiceChain chain = world.riceChain("D6C");
            registerKey();
            assertThat(issue(MILLED_RICE, chain.milled(), 10)).isOk();

            world.ok(world.regulator, "product:SetPolicy", of("gtin", MILLED_RICE, "inspectionRequired", true));

            assertThat(issue(MILLED_RICE, chain.milled(), 10)).isRefusedWith(ErrorCode.INSPECTION_REQUIRED);
            assertThat(world.ledger.submit(
                            world.miller, "product:SetPolicy", of("gtin", MILLED_RICE, "inspectionRequired", false)))
                    .isRefusedWith(ErrorCode.FORBIDDEN_ROLE);
        }

        @Test
        void a_gi_product_always_needs_a_passing_inspection() {
            World.RiceChain chain = world.riceChain("D6D");
            registerKey();

            assertThat(issue(chain.bags(), 1)).isRefusedWith(ErrorCode.INSPECTION_REQUIRED);
        }

        private World.RiceChain passedBags(String prefix) {
            World.RiceChain chain = world.riceChain(prefix);
            world.require(world.labResult(RICE_BAG_5KG, chain.bags(), "0.05"));
            registerKey();
            return chain;
        }

        private void registerKey() {
            world.ledger.submit(
                    world.miller,
                    "qr:RegisterKey",
                    of("keyId", "k-d6", "algorithm", "Ed25519", "publicKey", SigningKeys.ED25519));
        }

        private Result issue(String bags, int count) {
            return issue(RICE_BAG_5KG, bags, count);
        }

        private Result issue(String gtin, String lotCode, int count) {
            return world.ledger.submit(
                    world.miller,
                    "qr:RecordIssuance",
                    of("gtin", gtin, "lotCode", lotCode, "keyId", "k-d6", "count", count, "perUnit", true));
        }
    }

    /** Defect 7: verified events only about lots the recorder holds, carries or inspects. */
    @Nested
    class VerifiedEvents {

        @Test
        void a_supermarket_cannot_destroy_a_cooperatives_lot_through_a_child_list() {
            world.require(world.harvest("D7-P", "100"));
            ObjectNode destroying =
                    Epcis.event("ObjectEvent", "destroying", world.nextTime()).put("action", "DELETE");
            destroying.putArray("childQuantityList").add(Epcis.line(PADDY, "D7-P", "100", "KGM"));

            assertThat(world.ledger.submit(world.grocer, "event:Capture", Epcis.capture(List.of(destroying))))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void a_supermarket_cannot_record_an_erroneous_event_about_a_lot_it_never_had() {
            world.require(world.harvest("D7-Q", "100"));
            ObjectNode destroying = Epcis.objectEvent("destroying", world.nextTime(), PADDY, "D7-Q", "100", "KGM");
            destroying
                    .putObject("errorDeclaration")
                    .put("declarationTime", "2026-10-04T00:00:00+08:00")
                    .put("reason", "incorrect_data");

            assertThat(world.ledger.submit(world.grocer, "event:Capture", Epcis.capture(List.of(destroying))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(world.query(world.regulator, "lot:Events", of("gtin", PADDY, "lotCode", "D7-Q"))
                            .json()
                            .path("items"))
                    .hasSize(1);
        }

        @Test
        void only_the_recorder_declares_its_event_erroneous() {
            world.require(world.harvest("D7-R", "100"));
            ObjectNode storing = Epcis.objectEvent("storing", world.nextTime(), PADDY, "D7-R", "1", "KGM");
            world.ok(world.farmer, "event:Capture", Epcis.capture(List.of(storing)));
            ObjectNode declared = storing.deepCopy();
            declared.putObject("errorDeclaration")
                    .put("declarationTime", "2026-10-04T00:00:00+08:00")
                    .put("reason", "incorrect_data");

            assertThat(world.ledger.submit(world.grocer, "event:Capture", Epcis.capture(List.of(declared))))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(world.ledger.submit(world.farmer, "event:Capture", Epcis.capture(List.of(declared))))
                    .isOk();
        }
    }

    /** Defect 8: the recording delay and the pre-harvest interval stop backdating. */
    @Nested
    class Backdating {

        @Test
        void a_harvest_backdated_before_a_recorded_spray_is_refused_like_one_after_it() {
            spray("2026-10-03T08:00:00+08:00", 30);

            assertThat(world.harvest("D8-A", "1000", "2026-10-04T08:00:00+08:00"))
                    .isRefusedWith(ErrorCode.PRE_HARVEST_INTERVAL);
            assertThat(world.harvest("D8-B", "1000", "2026-10-02T08:00:00+08:00"))
                    .isRefusedWith(ErrorCode.PRE_HARVEST_INTERVAL);
        }

        @Test
        void an_event_dated_further_back_than_the_recording_delay_is_refused() {
            String farm = "LateFarmMSP";
            world.ok(
                    world.admin,
                    "org:Register",
                    of(
                            "mspId",
                            farm,
                            "nameZh",
                            "迟报农场",
                            "kinds",
                            list("farm"),
                            "companyPrefixes",
                            list("690123450090")));
            Enrollment farmer = Actors.user(farm, Role.PRODUCER);
            world.ok(
                    farmer,
                    "location:Register",
                    of(
                            "id",
                            "LATE-PLOT",
                            "kind",
                            "plot",
                            "nameZh",
                            "地块",
                            "areaMu",
                            10,
                            "address",
                            map("county", "舒兰市")));
            String now = world.ledger.now().toString();

            Result late = world.ledger.submit(
                    farmer,
                    "event:ApplyInput",
                    of(
                            "plotId", "LATE-PLOT",
                            "eventTime",
                                    world.ledger
                                            .now()
                                            .minus(Duration.ofHours(73))
                                            .toString(),
                            "inputType", "fertiliser",
                            "productName", "尿素",
                            "dose", 10,
                            "doseUnit", "kg/mu"));

            assertThat(late).isRefusedWith(ErrorCode.LATE_RECORDING);
            assertThat(late.error().at("/details/allowedHours").asText()).isEqualTo("72");
            assertThat(world.ledger.submit(
                            farmer,
                            "event:ApplyInput",
                            of(
                                    "plotId", "LATE-PLOT",
                                    "eventTime",
                                            world.ledger
                                                    .now()
                                                    .minus(Duration.ofHours(71))
                                                    .toString(),
                                    "inputType", "fertiliser",
                                    "productName", "尿素",
                                    "dose", 10,
                                    "doseUnit", "kg/mu")))
                    .isOk();
            assertThat(now).isNotBlank();
        }

        private void spray(String time, int phiDays) {
            world.ok(
                    world.farmer,
                    "event:ApplyInput",
                    of(
                            "plotId",
                            World.PLOT,
                            "eventTime",
                            time,
                            "inputType",
                            "fungicide",
                            "productName",
                            "三环唑",
                            "dose",
                            new BigDecimal("0.02"),
                            "doseUnit",
                            "kg/mu",
                            "phiDays",
                            phiDays));
        }
    }

    /** Defect 9: two business steps with equal fields are two events, never silently one. */
    @Nested
    class EqualEvents {

        @Test
        void two_identical_sales_in_one_import_are_refused_and_told_apart_by_their_lines() {
            World.RiceChain chain = world.riceChain("D9");
            world.require(world.ship(world.miller, MART, RICE_BAG_5KG, chain.bags(), "10", "H87"));
            world.require(world.receive(world.grocer, RICE_BAG_5KG, chain.bags(), "10", "H87"));
            String time = world.nextTime();

            assertThat(world.ledger.submit(
                            world.grocer,
                            "event:Batch",
                            of("entries", list(sale(chain, time, null), sale(chain, time, null)))))
                    .isRefusedWith(ErrorCode.DUPLICATE_EVENT);
            assertThat(world.ledger.submit(
                            world.grocer,
                            "event:Batch",
                            of("entries", list(sale(chain, time, 1), sale(chain, time, 2)))))
                    .isOk();
            assertThat(world.held(RICE_BAG_5KG, chain.bags(), MART)).isEqualTo("8");
        }

        private Map<String, Object> sale(World.RiceChain chain, String time, Integer line) {
            Map<String, Object> request =
                    map("lots", list(J.lot(RICE_BAG_5KG, chain.bags(), "1", "H87")), "eventTime", time);
            if (line != null) {
                request.put("line", line);
            }
            return map("action", "sell", "request", request);
        }
    }

    /** Defect 10: lots only under owned or licensed GTINs; SSCCs and GLNs under one's own prefix. */
    @Nested
    class Ownership {

        @Test
        void a_producer_cannot_commission_lots_under_another_organisations_gtin() {
            world.ok(
                    world.ginsengFarmer,
                    "location:Register",
                    of("id", "FS-PLOT", "kind", "plot", "nameZh", "参园", "areaMu", 10, "address", map("county", "抚松县")));
            Map<String, Object> request = map(
                    "gtin",
                    PADDY,
                    "lotCode",
                    "D10-P",
                    "quantity",
                    qty("100", "KGM"),
                    "plotId",
                    "FS-PLOT",
                    "eventTime",
                    world.nextTime());

            assertThat(world.ledger.submit(world.ginsengFarmer, "lot:Commission", J.write(request)))
                    .isRefusedWith(ErrorCode.GTIN_NOT_OWNED);
        }

        @Test
        void a_processor_cannot_make_outputs_under_another_organisations_gtin_without_a_licence() {
            world.require(world.harvest("D10-Q", "100"));
            world.require(world.ship(world.farmer, MILL, PADDY, "D10-Q", "100", "KGM"));
            world.require(world.receive(world.miller, PADDY, "D10-Q", "100", "KGM"));
            List<Object> input = list(J.lot(PADDY, "D10-Q", "50", "KGM"));

            assertThat(world.transform(world.miller, "drying", input, list(J.lot(PADDY, "D10-QD", "45", "KGM"))))
                    .isRefusedWith(ErrorCode.GTIN_NOT_OWNED);
            world.ok(world.farmer, "product:License", of("gtin", PADDY, "mspId", MILL));
            assertThat(world.transform(world.miller, "drying", input, list(J.lot(PADDY, "D10-QD", "45", "KGM"))))
                    .isOk();
        }

        @Test
        void ssccs_and_glns_belong_to_the_owner_of_their_company_prefix() {
            world.require(world.harvest("D10-R", "100"));
            world.require(world.ship(world.farmer, MART, PADDY, "D10-R", "10", "KGM"));
            world.require(world.receive(world.grocer, PADDY, "D10-R", "10", "KGM"));

            assertThat(world.ledger.submit(
                            world.grocer,
                            "event:Aggregate",
                            of(
                                    "sscc",
                                    "069012345000000011",
                                    "action",
                                    "ADD",
                                    "children",
                                    list(J.lot(PADDY, "D10-R", "1", "KGM")),
                                    "eventTime",
                                    world.nextTime())))
                    .isRefusedWith(ErrorCode.GS1_PREFIX_NOT_OWNED);
            assertThat(world.ledger.submit(
                            world.grocer,
                            "location:Register",
                            of(
                                    "id",
                                    "D10-STORE",
                                    "kind",
                                    "store",
                                    "nameZh",
                                    "店",
                                    "gln",
                                    "6901234500202",
                                    "address",
                                    map("county", "朝阳区"))))
                    .isRefusedWith(ErrorCode.GS1_PREFIX_NOT_OWNED);
            assertThat(world.ledger.submit(
                            world.admin,
                            "org:Register",
                            of(
                                    "mspId",
                                    "SquatterMSP",
                                    "nameZh",
                                    "抢注",
                                    "kinds",
                                    list("processor"),
                                    "companyPrefixes",
                                    list("6901234500"))))
                    .isRefusedWith(ErrorCode.GS1_PREFIX_TAKEN);
        }
    }

    /** Defect 11: the ranking leaves recalled lots out; receipts draw the oldest shipment first. */
    @Nested
    class RankingAndReceipts {

        @Test
        void the_quality_ranking_leaves_out_a_lot_recalled_through_its_paddy() {
            World.RiceChain chain = world.riceChain("D11");
            world.require(world.labResult(RICE_BAG_5KG, chain.bags(), "0.05"));

            world.require(world.recall(world.regulator, PADDY, chain.paddy(), "cadmium"));

            JsonNode ranking = world.query(world.grocer, "inspection:Ranking", of("category", "rice"))
                    .json();
            assertThat(ranking.path("items").findValuesAsText("lotCode")).doesNotContain(chain.bags());
        }

        @Test
        void a_receipt_draws_the_oldest_shipment_first_so_what_stays_in_transit_names_its_real_sender() {
            world.require(world.harvest("D11-P", "1000"));
            world.require(world.ship(world.farmer, MILL, PADDY, "D11-P", "500", "KGM"));
            world.require(world.receive(world.miller, PADDY, "D11-P", "500", "KGM"));
            world.require(world.shipVia(world.farmer, MART, CARRIER, PADDY, "D11-P", "100", "KGM"));
            world.require(world.ship(world.miller, MART, PADDY, "D11-P", "100", "KGM"));

            assertThat(world.receive(world.grocer, PADDY, "D11-P", "100", "KGM"))
                    .isOk();

            JsonNode inTransit = world.lot(PADDY, "D11-P").path("inTransit");
            assertThat(inTransit).hasSize(1);
            assertThat(inTransit.at("/0/fromMsp").asText()).isEqualTo(MILL);
            assertThat(inTransit.at("/0/carrierMsp").isMissingNode()).isTrue();
        }
    }

    private Write write(byte[] value, String type, String... attributes) {
        return new Write(new CompositeKey(type, attributes).toString(), value);
    }
}
