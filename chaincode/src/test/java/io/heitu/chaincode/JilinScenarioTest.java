package io.heitu.chaincode;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.lot;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.qty;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.CARRIER;
import static io.heitu.chaincode.support.World.COOP;
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
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.SigningKeys;
import io.heitu.chaincode.support.World;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harvest of 2026 end to end: the Shulan cooperative's paddy is dried and milled, packed in
 * 5 kg bags, inspected, coded, carried cold to Changchun and sold; then a recall of the paddy
 * reaches every bag, wherever it is.
 */
class JilinScenarioTest {

    private static final String PADDY_LOT = "SL2026-1001";
    private static final String DRIED_LOT = "SL2026-1001D";
    private static final String MILLED_LOT = "DX2026-0417";
    private static final String BAG_LOT = "DX2026-0417B";
    private static final String PALLET = "069012345000200015";

    private final World world = World.standard();

    @Test
    void shulan_paddy_reaches_a_changchun_shelf_and_its_recall_reaches_every_bag() {
        theCooperativeSpraysInSummerAndHarvestsInOctober();
        theCooperativeDriesThePaddyAndShipsItToTheMill();
        theMillMillsAndPacksFiveKiloBags();
        theInspectionCentrePassesAndGradesTheBagsSoCodesMayBeIssued();
        theColdChainCarrierTakesAPalletOfBagsToChangchun();
        theSupermarketReceivesAndSellsBags();
        aBagTracesBackToThePlot();
        theRecallOfThePaddyReachesEveryBag();
    }

    private void theCooperativeSpraysInSummerAndHarvestsInOctober() {
        clock("2026-08-20T08:00:00+08:00");
        world.ok(
                world.farmer,
                "event:ApplyInput",
                of(
                        "plotId",
                        PLOT,
                        "eventTime",
                        "2026-08-20T07:00:00+08:00",
                        "inputType",
                        "insecticide",
                        "productName",
                        "25%噻虫嗪水分散粒剂",
                        "dose",
                        new BigDecimal("0.004"),
                        "doseUnit",
                        "kg/mu",
                        "phiDays",
                        28));
        clock("2026-10-01T10:00:00+08:00");

        Result harvest = world.harvest(PADDY_LOT, "12000", "2026-10-01T09:00:00+08:00");

        assertThat(harvest).isOk();
        assertThat(world.held(PADDY, PADDY_LOT, COOP)).isEqualTo("12000");
    }

    private void theCooperativeDriesThePaddyAndShipsItToTheMill() {
        clock("2026-10-04T10:00:00+08:00");
        assertThat(world.ledger.submit(
                        world.farmer,
                        "event:Transform",
                        of(
                                "kind",
                                "drying",
                                "inputs",
                                list(lot(PADDY, PADDY_LOT, "12000", "KGM")),
                                "outputs",
                                list(map(
                                        "gtin",
                                        PADDY,
                                        "lotCode",
                                        DRIED_LOT,
                                        "quantity",
                                        qty("10800", "KGM"),
                                        "ilmd",
                                        map("moisturePct", new BigDecimal("14.5")))),
                                "locationId",
                                PLOT,
                                "eventTime",
                                "2026-10-03T16:00:00+08:00")))
                .isOk();
        assertThat(world.ledger.submit(
                        world.farmer,
                        "event:Ship",
                        of(
                                "lots",
                                list(lot(PADDY, DRIED_LOT, "10800", "KGM")),
                                "toMsp",
                                MILL,
                                "toLocationId",
                                MILL_SITE,
                                "eventTime",
                                "2026-10-04T07:00:00+08:00")))
                .isOk();
        assertThat(world.ledger.submit(
                        world.miller,
                        "event:Receive",
                        of(
                                "lots",
                                list(lot(PADDY, DRIED_LOT, "10800", "KGM")),
                                "fromMsp",
                                COOP,
                                "locationId",
                                MILL_SITE,
                                "eventTime",
                                "2026-10-04T09:30:00+08:00")))
                .isOk();
        assertThat(world.held(PADDY, DRIED_LOT, MILL)).isEqualTo("10800");
    }

    private void theMillMillsAndPacksFiveKiloBags() {
        assertThat(transformAtTheMill(
                        "milling", lot(PADDY, DRIED_LOT, "10800", "KGM"), lot(MILLED_RICE, MILLED_LOT, "7020", "KGM")))
                .isOk();
        assertThat(transformAtTheMill(
                        "packing",
                        lot(MILLED_RICE, MILLED_LOT, "5000", "KGM"),
                        lot(RICE_BAG_5KG, BAG_LOT, "1001", "H87")))
                .as("1001 bags of 5 kg are 5005 kg: more than the 5000 kg packed")
                .isRefusedWith(ErrorCode.MASS_BALANCE_VIOLATED);
        assertThat(transformAtTheMill(
                        "packing",
                        lot(MILLED_RICE, MILLED_LOT, "5000", "KGM"),
                        lot(RICE_BAG_5KG, BAG_LOT, "1000", "H87")))
                .isOk();
        assertThat(world.held(MILLED_RICE, MILLED_LOT, MILL)).isEqualTo("2020");
        assertThat(world.held(RICE_BAG_5KG, BAG_LOT, MILL)).isEqualTo("1000");
    }

    private void theInspectionCentrePassesAndGradesTheBagsSoCodesMayBeIssued() {
        clock("2026-10-04T16:00:00+08:00");
        world.ok(
                world.miller,
                "qr:RegisterKey",
                of("keyId", "dx-2026", "algorithm", "Ed25519", "publicKey", SigningKeys.ED25519));
        String issuance =
                of("gtin", RICE_BAG_5KG, "lotCode", BAG_LOT, "keyId", "dx-2026", "count", 1000, "perUnit", true);
        assertThat(world.ledger.submit(world.miller, "qr:RecordIssuance", issuance))
                .as("一检一码: no codes before a passing inspection")
                .isRefusedWith(ErrorCode.INSPECTION_REQUIRED);

        assertThat(world.ledger.submit(
                        world.inspector,
                        "inspection:RecordLabResult",
                        of(
                                "gtin",
                                RICE_BAG_5KG,
                                "lotCode",
                                BAG_LOT,
                                "eventTime",
                                "2026-10-04T14:00:00+08:00",
                                "reportNo",
                                "JLQT-2026-10-0417",
                                "results",
                                list(
                                        map(
                                                "analyte",
                                                "cadmium",
                                                "value",
                                                new BigDecimal("0.06"),
                                                "unit",
                                                "mg/kg",
                                                "limit",
                                                new BigDecimal("0.2")),
                                        map(
                                                "analyte",
                                                "thiamethoxam",
                                                "value",
                                                new BigDecimal("0.01"),
                                                "unit",
                                                "mg/kg",
                                                "limit",
                                                new BigDecimal("0.1"))))))
                .isOk();
        assertThat(world.ledger.submit(
                        world.inspector,
                        "inspection:Grade",
                        of(
                                "gtin",
                                RICE_BAG_5KG,
                                "lotCode",
                                BAG_LOT,
                                "standard",
                                "GB/T 1354",
                                "level",
                                1,
                                "label",
                                "一级",
                                "eventTime",
                                "2026-10-04T15:00:00+08:00")))
                .isOk();
        assertThat(world.ledger.submit(world.miller, "qr:RecordIssuance", issuance))
                .isOk();

        JsonNode ranking = world.query(world.grocer, "inspection:Ranking", of("category", "rice"))
                .json();
        assertThat(ranking.at("/items/0/lotCode").asText()).isEqualTo(BAG_LOT);
        assertThat(ranking.at("/items/0/score").asInt()).isEqualTo(100);
    }

    private void theColdChainCarrierTakesAPalletOfBagsToChangchun() {
        clock("2026-10-04T18:00:00+08:00");
        assertThat(world.ledger.submit(
                        world.miller,
                        "event:Aggregate",
                        of(
                                "sscc",
                                PALLET,
                                "action",
                                "ADD",
                                "children",
                                list(lot(RICE_BAG_5KG, BAG_LOT, "200", "H87")),
                                "locationId",
                                MILL_SITE,
                                "eventTime",
                                "2026-10-04T17:00:00+08:00")))
                .isOk();
        assertThat(world.ledger.submit(
                        world.miller,
                        "event:Ship",
                        of(
                                "lots",
                                list(lot(RICE_BAG_5KG, BAG_LOT, "200", "H87")),
                                "toMsp",
                                MART,
                                "carrierMsp",
                                CARRIER,
                                "fromLocationId",
                                MILL_SITE,
                                "toLocationId",
                                STORE,
                                "despatchAdvice",
                                "DX-DA-0417",
                                "eventTime",
                                "2026-10-04T18:00:00+08:00")))
                .isOk();
        clock("2026-10-05T10:30:00+08:00");
        Result readings = world.ledger.submit(
                world.carrier,
                "event:Observe",
                of(
                        "bizStep",
                        "transporting",
                        "disposition",
                        "in_transit",
                        "lots",
                        list(map("gtin", RICE_BAG_5KG, "lotCode", BAG_LOT)),
                        "eventTime",
                        "2026-10-05T10:30:00+08:00",
                        "sensorReadings",
                        list(
                                map(
                                        "type",
                                        "Temperature",
                                        "value",
                                        new BigDecimal("12.5"),
                                        "time",
                                        "2026-10-05T08:00:00+08:00",
                                        "deviceId",
                                        "JL-A-88888/T1"),
                                map(
                                        "type",
                                        "RelativeHumidity",
                                        "value",
                                        new BigDecimal("55"),
                                        "time",
                                        "2026-10-05T08:00:00+08:00",
                                        "deviceId",
                                        "JL-A-88888/H1"))));
        assertThat(readings).isOk();
        JsonNode inTransit = world.lot(RICE_BAG_5KG, BAG_LOT).path("inTransit");
        assertThat(inTransit.size()).isEqualTo(1);
        assertThat(inTransit.at("/0/carrierMsp").asText()).isEqualTo(CARRIER);
    }

    private void theSupermarketReceivesAndSellsBags() {
        clock("2026-10-05T11:00:00+08:00");
        assertThat(world.ledger.submit(
                        world.grocer,
                        "event:Receive",
                        of(
                                "lots",
                                list(lot(RICE_BAG_5KG, BAG_LOT, "200", "H87")),
                                "fromMsp",
                                MILL,
                                "locationId",
                                STORE,
                                "eventTime",
                                "2026-10-05T10:50:00+08:00")))
                .isOk();
        assertThat(world.ledger.submit(
                        world.grocer,
                        "event:Sell",
                        of(
                                "lots",
                                list(lot(RICE_BAG_5KG, BAG_LOT, "3", "H87")),
                                "locationId",
                                STORE,
                                "reference",
                                "POS-20261005-0001",
                                "eventTime",
                                "2026-10-05T10:55:00+08:00")))
                .isOk();
        assertThat(world.held(RICE_BAG_5KG, BAG_LOT, MART)).isEqualTo("197");
        JsonNode bags = world.lot(RICE_BAG_5KG, BAG_LOT);
        assertThat(bags.path("remaining").toString()).isEqualTo("{\"uom\":\"H87\",\"value\":997}");
        assertThat(bags.path("inTransit").size()).isZero();
    }

    private void aBagTracesBackToThePlot() {
        JsonNode trace = world.query(
                        world.grocer,
                        "lot:Lineage",
                        of("gtin", RICE_BAG_5KG, "lotCode", BAG_LOT, "direction", "backward"))
                .json();
        List<String> lots = new ArrayList<>();
        trace.path("nodes").forEach(node -> lots.add(node.path("lotCode").asText()));
        assertThat(lots).containsExactly(BAG_LOT, MILLED_LOT, DRIED_LOT, PADDY_LOT);
        JsonNode harvest = trace.path("nodes").get(3);
        assertThat(harvest.path("locationId").asText()).isEqualTo(PLOT);
        assertThat(harvest.path("producerMsp").asText()).isEqualTo(COOP);

        List<String> steps = new ArrayList<>();
        world.query(world.grocer, "lot:Events", of("gtin", RICE_BAG_5KG, "lotCode", BAG_LOT))
                .json()
                .path("items")
                .forEach(stored -> steps.add(stored.at("/event/bizStep").asText()));
        assertThat(steps)
                .containsExactly(
                        "packing",
                        "sampling",
                        "inspecting",
                        "packing",
                        "shipping",
                        "transporting",
                        "receiving",
                        "retail_selling");
    }

    private void theRecallOfThePaddyReachesEveryBag() {
        clock("2026-10-06T09:00:00+08:00");
        Result recall = world.recall(world.regulator, PADDY, PADDY_LOT, "镉超标 GB 2762-2022");

        assertThat(recall).isOk();
        assertThat(recall.json().path("lots").toString())
                .isEqualTo("[\"https://id.gs1.org/01/06901234500011/10/SL2026-1001\"]");
        for (String[] lot :
                List.of(new String[] {PADDY, DRIED_LOT}, new String[] {MILLED_RICE, MILLED_LOT}, new String[] {
                    RICE_BAG_5KG, BAG_LOT
                })) {
            assertThat(world.lot(lot[0], lot[1]).path("state").asText()).isEqualTo("recalled");
            assertThat(world.lot(lot[0], lot[1]).at("/recall/originLot").asText())
                    .isEqualTo("https://id.gs1.org/01/06901234500011/10/SL2026-1001");
        }

        assertThat(world.sell(world.grocer, RICE_BAG_5KG, BAG_LOT, "1", "H87")).isRefusedWith(ErrorCode.LOT_RECALLED);
        assertThat(world.ledger.submit(
                        world.miller,
                        "qr:RecordIssuance",
                        of("gtin", RICE_BAG_5KG, "lotCode", BAG_LOT, "keyId", "dx-2026", "count", 10)))
                .isRefusedWith(ErrorCode.LOT_RECALLED);
        assertThat(world.dispose(world.grocer, RICE_BAG_5KG, BAG_LOT, "100", "H87"))
                .isOk();
        assertThat(world.ledger.submit(
                        world.grocer,
                        "event:Ship",
                        of(
                                "lots",
                                list(lot(RICE_BAG_5KG, BAG_LOT, "97", "H87")),
                                "toMsp",
                                MILL,
                                "returnShipment",
                                true,
                                "eventTime",
                                world.ledger.now().toString())))
                .isOk();
        assertThat(world.receive(world.miller, RICE_BAG_5KG, BAG_LOT, "97", "H87"))
                .isOk();
        assertThat(world.dispose(world.miller, RICE_BAG_5KG, BAG_LOT, "897", "H87"))
                .isOk();

        JsonNode bags = world.lot(RICE_BAG_5KG, BAG_LOT);
        assertThat(bags.path("holdings").size()).isZero();
        assertThat(bags.path("remaining").path("value").asInt()).isZero();
        assertThat(bags.path("state").asText()).isEqualTo("recalled");
    }

    /** The ledger's clock: the transaction time of everything that follows. */
    private void clock(String time) {
        world.ledger.setNow(OffsetDateTime.parse(time).toInstant());
    }

    private Result transformAtTheMill(String kind, Object input, Object output) {
        return world.ledger.submit(
                world.miller,
                "event:Transform",
                of(
                        "kind",
                        kind,
                        "inputs",
                        list(input),
                        "outputs",
                        list(output),
                        "locationId",
                        MILL_SITE,
                        "eventTime",
                        world.ledger.now().toString()));
    }
}
