package io.heitu.service;

import static io.heitu.service.ApiFlowIT.MILLED;
import static io.heitu.service.ApiFlowIT.PADDY;
import static io.heitu.service.ApiFlowIT.at;
import static io.heitu.service.ApiFlowIT.line;
import static io.heitu.service.ApiFlowIT.paddy;
import static io.heitu.service.ApiFlowIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.EpcisClient;
import io.heitu.service.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The integrity defects of issue 10, each tried again through the REST API as the member who would
 * try it: the chaincode's own tests prove the rules on its test ledger, this proves them on the
 * ledger the service runs — the embedded one and, in the second failsafe run, a Fabric network,
 * whose range scans do not see a transaction's own writes.
 */
class IntegrityIT extends ServiceTest {

    private static Map<String, Object> receipt(String lot, int kilograms, int line) {
        return Map.of(
                "action",
                "receive",
                "request",
                Map.of("lots", List.of(line(PADDY, lot, kilograms, "KGM")), "eventTime", at(1, 12), "line", line));
    }

    private static String harvestAndShipToMart(Api api, int kilograms) {
        String lot = unique("IG-");
        var harvest = api.post("farmer", "/api/lots/harvests", paddy(lot, kilograms, at(2, 9)));
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
        var shipped = api.post(
                "farmer",
                "/api/events/shipments",
                Map.of(
                        "lots",
                        List.of(line(PADDY, lot, kilograms, "KGM")),
                        "toMsp",
                        "ChangchunMartMSP",
                        "eventTime",
                        at(1, 8)));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
        return lot;
    }

    private static String heldByMart(Api api, String lot) {
        for (var holding :
                api.get("grocer", "/api/lots/" + PADDY + "/" + lot).json().path("holdings")) {
            if (holding.path("mspId").asString().equals("ChangchunMartMSP")) {
                return holding.at("/quantity/value").asString();
            }
        }
        return "0";
    }

    @Test
    void two_receipts_of_one_shipment_in_one_batch_receive_it_once() {
        Api api = api();
        String lot = harvestAndShipToMart(api, 100);

        var batch = api.post(
                "grocer", "/api/events/batch", Map.of("entries", List.of(receipt(lot, 100, 1), receipt(lot, 100, 2))));

        assertThat(batch.status()).as(batch.body()).isEqualTo(422);
        assertThat(batch.code()).isEqualTo("NOTHING_IN_TRANSIT");
        assertThat(heldByMart(api, lot)).isEqualTo("0");
    }

    @Test
    void split_receipts_in_one_batch_leave_no_phantom_in_transit() {
        Api api = api();
        String lot = harvestAndShipToMart(api, 100);

        var batch = api.post(
                "grocer", "/api/events/batch", Map.of("entries", List.of(receipt(lot, 60, 1), receipt(lot, 40, 2))));
        var again = api.post(
                "grocer",
                "/api/events/receipts",
                Map.of("lots", List.of(line(PADDY, lot, 60, "KGM")), "eventTime", at(1, 13)));

        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
        assertThat(new java.math.BigDecimal(heldByMart(api, lot))).isEqualByComparingTo("100");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("NOTHING_IN_TRANSIT");
    }

    @Test
    void a_retailer_may_not_transform_by_capture() {
        Api api = api();
        String lot = harvestAndShipToMart(api, 10);
        assertThat(api.post(
                                "grocer",
                                "/api/events/receipts",
                                Map.of("lots", List.of(line(PADDY, lot, 10, "KGM")), "eventTime", at(1, 12)))
                        .status())
                .isEqualTo(201);
        String document = """
                {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"%s",
                 "epcisBody":{"eventList":[{"type":"TransformationEvent","eventTime":"%s","eventTimeZoneOffset":"+08:00",
                   "bizStep":"commissioning",
                   "inputQuantityList":[{"epcClass":"urn:epc:class:lgtin:6901234.050001.%s","quantity":0.001,"uom":"KGM"}],
                   "outputQuantityList":[{"epcClass":"urn:epc:class:lgtin:6901234.050002.%s","quantity":999999999,"uom":"KGM"}]}]}}
                """.formatted(at(0, 0), at(1, 14), lot, unique("IGM-"));

        var job = new EpcisClient("http://localhost:" + port)
                .capture("grocer", document.getBytes(StandardCharsets.UTF_8), EpcisClient.LD, "rollback");

        assertThat(job.path("success").asBoolean()).as(job.toString()).isFalse();
        assertThat(job.at("/errors/0/code").asString()).as(job.toString()).isEqualTo("FORBIDDEN_ROLE");
    }

    @Test
    void a_lot_that_failed_its_own_test_stays_held_when_its_ancestors_hold_is_released() {
        Api api = api();
        String paddy = unique("IG-");
        String milled = unique("IGM-");
        assertThat(api.post("farmer", "/api/lots/harvests", paddy(paddy, 1000, at(3, 9)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "farmer",
                                "/api/events/shipments",
                                Map.of(
                                        "lots",
                                        List.of(line(PADDY, paddy, 1000, "KGM")),
                                        "toMsp",
                                        "RiceMillMSP",
                                        "eventTime",
                                        at(3, 12)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "miller",
                                "/api/events/receipts",
                                Map.of("lots", List.of(line(PADDY, paddy, 1000, "KGM")), "eventTime", at(3, 15)))
                        .status())
                .isEqualTo(201);
        var milling = api.post(
                "miller",
                "/api/events/transformations",
                Map.of(
                        "kind",
                        "milling",
                        "inputs",
                        // Not all of it: the paddy stays an active lot to release.
                        List.of(line(PADDY, paddy, 900, "KGM")),
                        "outputs",
                        List.of(line(MILLED, milled, 580, "KGM")),
                        "eventTime",
                        at(2, 10)));
        assertThat(milling.status()).as(milling.body()).isEqualTo(201);

        assertThat(api.post("inspector", "/api/lots/" + PADDY + "/" + paddy + "/hold", Map.of("reason", "抽检"))
                        .status())
                .isEqualTo(201);
        var failed = api.post(
                "inspector",
                "/api/inspections/lab-results",
                Map.of(
                        "gtin",
                        MILLED,
                        "lotCode",
                        milled,
                        "eventTime",
                        at(1, 10),
                        "results",
                        List.of(Map.of(
                                "analyte",
                                "镉 Cd",
                                "value",
                                0.5,
                                "unit",
                                "mg/kg",
                                "limit",
                                0.2,
                                "method",
                                "GB 2762-2022"))));
        assertThat(failed.status()).as(failed.body()).isEqualTo(201);
        var released =
                api.post("inspector", "/api/lots/" + PADDY + "/" + paddy + "/release", Map.of("reason", "稻谷复检合格"));
        assertThat(released.status()).as(released.body()).isIn(200, 201);

        assertThat(api.get("miller", "/api/lots/" + PADDY + "/" + paddy)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("active");
        assertThat(api.get("miller", "/api/lots/" + MILLED + "/" + milled)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("on_hold");
        var shipped = api.post(
                "miller",
                "/api/events/shipments",
                Map.of(
                        "lots",
                        List.of(line(MILLED, milled, 10, "KGM")),
                        "toMsp",
                        "ChangchunMartMSP",
                        "eventTime",
                        at(0, 0)));
        assertThat(shipped.status()).isEqualTo(409);
        assertThat(shipped.code()).isEqualTo("LOT_ON_HOLD");
    }

    @Test
    void a_held_lot_returns_only_to_whom_it_came_from() {
        Api api = api();
        String lot = harvestAndShipToMart(api, 100);
        assertThat(api.post(
                                "grocer",
                                "/api/events/receipts",
                                Map.of("lots", List.of(line(PADDY, lot, 100, "KGM")), "eventTime", at(1, 12)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("inspector", "/api/lots/" + PADDY + "/" + lot + "/hold", Map.of("reason", "抽检"))
                        .status())
                .isEqualTo(201);

        var elsewhere = api.post(
                "grocer",
                "/api/events/shipments",
                Map.of(
                        "lots",
                        List.of(line(PADDY, lot, 10, "KGM")),
                        "toMsp",
                        "RiceMillMSP",
                        "returnShipment",
                        true,
                        "eventTime",
                        at(0, 0)));
        var back = api.post(
                "grocer",
                "/api/events/shipments",
                Map.of(
                        "lots",
                        List.of(line(PADDY, lot, 10, "KGM")),
                        "toMsp",
                        "ShulanRiceCoopMSP",
                        "returnShipment",
                        true,
                        "eventTime",
                        at(0, 0)));

        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.code()).isEqualTo("RETURN_NOT_TO_SUPPLIER");
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(api.get("farmer", "/api/lots/" + PADDY + "/" + lot)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("on_hold");
    }

    @Test
    void codes_never_outnumber_the_units_of_a_lot() {
        Api api = api();
        String lot = unique("IG-");
        assertThat(api.post("farmer", "/api/lots/harvests", paddy(lot, 50, at(1, 9)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("farmer", "/api/qr/keys", Map.of()).status()).isEqualTo(201);

        var first = api.post(
                "farmer", "/api/qr/issuances", Map.of("gtin", PADDY, "lotCode", lot, "count", 40, "perUnit", true));
        var beyond = api.post(
                "farmer", "/api/qr/issuances", Map.of("gtin", PADDY, "lotCode", lot, "count", 11, "perUnit", true));
        var rest = api.post(
                "farmer", "/api/qr/issuances", Map.of("gtin", PADDY, "lotCode", lot, "count", 10, "perUnit", true));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.code()).isEqualTo("CODES_EXCEED_UNITS");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
    }
}
