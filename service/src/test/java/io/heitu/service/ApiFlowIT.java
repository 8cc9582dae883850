package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ByDesign;
import io.heitu.service.support.LedgerUnderTest;
import io.heitu.service.support.ServiceTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Jilin rice chain through the REST API on the embedded ledger: every step by the user whose
 * job it is, signed with their own certificate, with the chaincode's rules answering as
 * problem+json.
 */
class ApiFlowIT extends ServiceTest {

    static final String PADDY = "06901234500011";
    static final String MILLED = "06901234500028";
    static final String BAG5 = "06901234500035";

    static String at(int daysAgo, int hour) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8))
                .minusDays(daysAgo)
                .withHour(hour)
                .withMinute(0)
                .withSecond(0)
                .withNano(0)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Map<String, Object> line(String gtin, String lot, Object value, String uom) {
        return Map.of("gtin", gtin, "lotCode", lot, "quantity", Map.of("value", value, "uom", uom));
    }

    /** A paddy harvest of {@code kilograms} on the demo cooperative's plot 7. */
    static Map<String, Object> paddy(String lot, int kilograms, String time) {
        return Map.of(
                "gtin",
                PADDY,
                "lotCode",
                lot,
                "quantity",
                Map.of("value", kilograms, "uom", "KGM"),
                "plotId",
                "SL-PLOT-07",
                "eventTime",
                time);
    }

    static Map<String, Object> onPlot(Map<String, Object> harvest, String plot) {
        Map<String, Object> moved = new java.util.HashMap<>(harvest);
        moved.put("plotId", plot);
        return moved;
    }

    static Map<String, Object> harvest(String lot, int jin, String time) {
        return Map.of(
                "gtin",
                PADDY,
                "lotCode",
                lot,
                "quantity",
                Map.of("value", jin, "uom", "JIN"),
                "plotId",
                "SL-PLOT-07",
                "eventTime",
                time,
                "ilmd",
                Map.of("variety", "稻花香2号"));
    }

    @Test
    void a_harvest_in_jin_is_kept_in_kilograms_and_recording_it_again_says_duplicate() {
        Api api = api();
        String lot = unique("IT");
        var first = api.post("farmer", "/api/lots/harvests", harvest(lot, 2000, at(3, 9)));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("eventId").asString())
                .startsWith("ni:///sha-256;")
                .endsWith("?ver=CBV2.0");
        assertThat(first.headers().firstValue("Location")).hasValue("/api/lots/" + PADDY + "/" + lot);
        assertThat(first.headers().firstValue("X-Transaction-Id")).isPresent();

        var again = api.post("farmer", "/api/lots/harvests", harvest(lot, 2000, at(3, 9)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        assertThat(again.json().path("eventId").asString())
                .isEqualTo(first.json().path("eventId").asString());

        var view = api.get("farmer", "/api/lots/" + PADDY + "/" + lot).json();
        assertThat(view.at("/remaining/value").asString()).isEqualTo("1000");
        assertThat(view.at("/remaining/uom").asString()).isEqualTo("KGM");
        assertThat(view.path("state").asString()).isEqualTo("active");
    }

    @Nested
    class Refusals {

        @Test
        void a_retailer_may_not_record_a_harvest_and_is_told_so_in_chinese_by_default() {
            var response = api().post("grocer", "/api/lots/harvests", harvest(unique("IT"), 100, at(2, 9)));
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("FORBIDDEN_ROLE");
            assertThat(response.json().path("title").asString()).isEqualTo("角色无权执行此操作");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.heitu");
        }

        @Test
        void the_same_refusal_in_english_when_asked() {
            var response = api().english().post("grocer", "/api/lots/harvests", harvest(unique("IT"), 100, at(2, 9)));
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().path("title").asString()).isEqualTo("Role not allowed");
        }

        @Test
        void a_harvest_inside_a_pesticide_pre_harvest_interval_is_refused() {
            Api api = api();
            // A plot of this test's own: other tests harvest on the demo's plot 7, and a spray
            // recorded after a harvest that falls inside its interval is refused as well.
            String plot = unique("IT-PLOT-");
            var registered = api.post(
                    "farmer",
                    "/api/locations",
                    Map.of(
                            "id",
                            plot,
                            "kind",
                            "plot",
                            "nameZh",
                            "试验地块",
                            "areaMu",
                            10,
                            "address",
                            Map.of("county", "舒兰市")));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            var sprayed = api.post(
                    "farmer",
                    "/api/events/input-applications",
                    Map.of(
                            "plotId",
                            plot,
                            "eventTime",
                            at(2, 7),
                            "inputType",
                            "insecticide",
                            "productName",
                            "氯虫苯甲酰胺 200g/L 悬浮剂",
                            "dose",
                            10,
                            "doseUnit",
                            "mL/亩",
                            "phiDays",
                            21));
            assertThat(sprayed.status()).as(sprayed.body()).isEqualTo(201);
            var request = new java.util.HashMap<>(harvest(unique("IT"), 100, at(1, 9)));
            request.put("plotId", plot);
            var harvest = api.post("farmer", "/api/lots/harvests", request);
            assertThat(harvest.status()).as(harvest.body()).isEqualTo(422);
            assertThat(harvest.code()).isEqualTo("PRE_HARVEST_INTERVAL");
            assertThat(harvest.json().path("title").asString()).isEqualTo("未过安全间隔期");
        }

        @Test
        void an_unknown_lot_is_not_found() {
            var response = api().get("farmer", "/api/lots/" + PADDY + "/NO-SUCH-LOT");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("LOT_NOT_FOUND");
        }

        @Test
        void a_bad_gtin_check_digit_is_a_clear_400() {
            var response = api().get("farmer", "/api/lots/06901234500012/ANY");
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("INVALID_GTIN");
        }

        @Test
        void no_credentials_get_401_as_problem_json() {
            var response = api().get(null, "/api/lots");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void paddy_becomes_bags_on_a_shelf_and_a_recall_of_the_paddy_reaches_every_bag() {
        riceChainWithRecall(api());
    }

    /** The whole chain and a recall, as the users whose jobs they are; shared with the Fabric mode test. */
    static void riceChainWithRecall(Api api) {
        String paddy = unique("P");
        String milled = unique("M");
        String bags = unique("B");
        assertThat(api.post("farmer", "/api/lots/harvests", harvest(paddy, 4000, at(9, 9)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "farmer",
                                "/api/events/shipments",
                                Map.of(
                                        "lots",
                                        List.of(line(PADDY, paddy, 2000, "KGM")),
                                        "toMsp",
                                        "RiceMillMSP",
                                        "eventTime",
                                        at(8, 8)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "miller",
                                "/api/events/receipts",
                                Map.of(
                                        "lots",
                                        List.of(line(PADDY, paddy, 2000, "KGM")),
                                        "fromMsp",
                                        "ShulanRiceCoopMSP",
                                        "eventTime",
                                        at(8, 12)))
                        .status())
                .isEqualTo(201);
        var milling = api.post(
                "miller",
                "/api/events/transformations",
                Map.of(
                        "kind",
                        "milling",
                        "inputs",
                        List.of(line(PADDY, paddy, 2000, "KGM")),
                        "outputs",
                        List.of(line(MILLED, milled, 1300, "KGM")),
                        "eventTime",
                        at(7, 10)));
        assertThat(milling.status()).as(milling.body()).isEqualTo(201);
        var tooHeavy = api.post(
                "miller",
                "/api/events/transformations",
                Map.of(
                        "kind",
                        "packing",
                        "inputs",
                        List.of(line(MILLED, milled, 100, "KGM")),
                        "outputs",
                        List.of(line(BAG5, unique("X"), 21, "H87")),
                        "eventTime",
                        at(6, 9)));
        assertThat(tooHeavy.status()).isEqualTo(422);
        assertThat(tooHeavy.code()).isEqualTo("MASS_BALANCE_VIOLATED");
        assertThat(api.post(
                                "miller",
                                "/api/events/transformations",
                                Map.of(
                                        "kind",
                                        "packing",
                                        "inputs",
                                        List.of(line(MILLED, milled, 1000, "KGM")),
                                        "outputs",
                                        List.of(line(BAG5, bags, 200, "H87")),
                                        "eventTime",
                                        at(6, 10)))
                        .status())
                .isEqualTo(201);
        var lab = api.post(
                "inspector",
                "/api/inspections/lab-results",
                Map.of(
                        "gtin",
                        BAG5,
                        "lotCode",
                        bags,
                        "eventTime",
                        at(5, 10),
                        "results",
                        List.of(Map.of(
                                "analyte",
                                "镉 Cd",
                                "value",
                                0.05,
                                "unit",
                                "mg/kg",
                                "limit",
                                0.2,
                                "method",
                                "GB 2762-2022"))));
        assertThat(lab.status()).as(lab.body()).isEqualTo(201);
        assertThat(api.post(
                                "miller",
                                "/api/events/shipments",
                                Map.of(
                                        "lots",
                                        List.of(line(BAG5, bags, 120, "H87")),
                                        "toMsp",
                                        "ChangchunMartMSP",
                                        "carrierMsp",
                                        "ColdChainMSP",
                                        "eventTime",
                                        at(4, 7)))
                        .status())
                .isEqualTo(201);
        var readings = api.post(
                "carrier",
                "/api/events/sensor-readings",
                Map.of(
                        "lots",
                        List.of(Map.of("gtin", BAG5, "lotCode", bags)),
                        "eventTime",
                        at(4, 12),
                        "sensorReadings",
                        List.of(Map.of("type", "Temperature", "value", 11.5, "time", at(4, 10)))));
        assertThat(readings.status()).as(readings.body()).isEqualTo(201);
        assertThat(api.post(
                                "grocer",
                                "/api/events/receipts",
                                Map.of("lots", List.of(line(BAG5, bags, 120, "H87")), "eventTime", at(4, 15)))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "grocer",
                                "/api/events/sales",
                                Map.of("lots", List.of(line(BAG5, bags, 3, "H87")), "eventTime", at(3, 19)))
                        .status())
                .isEqualTo(201);

        var lineage = api.get("grocer", "/api/lots/" + BAG5 + "/" + bags + "/lineage?direction=backward")
                .json();
        assertThat(lineage.path("nodes").findValuesAsString("lotCode")).contains(bags, milled, paddy);

        var recall = api.post("inspector", "/api/lots/" + PADDY + "/" + paddy + "/recall", Map.of("reason", "镉超标"));
        assertThat(recall.status()).as(recall.body()).isEqualTo(201);
        // The recall is written on the paddy alone and reaches every lot made from it when they are used.
        assertThat(recall.json().path("lots").toString()).contains(paddy).doesNotContain(bags);
        assertThat(api.get("grocer", "/api/lots/" + MILLED + "/" + milled)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("recalled");
        assertThat(api.get("grocer", "/api/lots/" + BAG5 + "/" + bags)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("recalled");

        var sale = api.post(
                "grocer",
                "/api/events/sales",
                Map.of("lots", List.of(line(BAG5, bags, 1, "H87")), "eventTime", at(0, 0)));
        assertThat(sale.status()).isEqualTo(409);
        assertThat(sale.code()).isEqualTo("LOT_RECALLED");
        var disposal = api.post(
                "grocer",
                "/api/events/disposals",
                Map.of("lots", List.of(line(BAG5, bags, 117, "H87")), "eventTime", at(0, 0), "reason", "召回销毁"));
        assertThat(disposal.status()).as(disposal.body()).isEqualTo(201);
    }

    @Test
    void the_ledger_verifies_and_a_transaction_has_a_proof() {
        Api api = api();
        var harvest = api.post("farmer", "/api/lots/harvests", harvest(unique("IT"), 100, at(2, 9)));
        String txId = harvest.headers().firstValue("X-Transaction-Id").orElseThrow();
        var proof = api.get(null, "/api/public/ledger/transactions/" + txId);
        assertThat(proof.status()).isEqualTo(200);
        assertThat(proof.json().path("blockHash").asString()).hasSize(64);
        var verify = api.get("regulator", "/api/ledger/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().path("ok").asBoolean()).isTrue();
        assertThat(verify.json().path("blocksChecked").asLong()).isPositive();
        // Health details are for admins (issue 14); anyone else sees UP or DOWN only.
        var health = api.get("admin", "/actuator/health");
        assertThat(health.json().at("/components/ledgerIntegrity/details/kind").asString())
                .as("the suite runs on the ledger it was asked for")
                .isEqualTo(LedgerUnderTest.kind());
    }

    @Test
    void a_newly_registered_organisation_gets_a_ca_and_its_users_transact_once_it_is_a_channel_member() {
        Api api = api();
        String msp =
                "WangqingFungus" + UUID.randomUUID().toString().substring(0, 4).toUpperCase() + "MSP";
        var registered = api.post(
                "admin",
                "/api/organisations",
                Map.of(
                        "mspId",
                        msp,
                        "nameZh",
                        "汪清县黑木耳合作社",
                        "nameEn",
                        "Wangqing black fungus cooperative",
                        "kinds",
                        List.of("cooperative")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String user = "fungus" + msp.substring(14, 18).toLowerCase();
        var enrolled = api.post(
                "admin",
                "/api/users",
                Map.of("username", user, "mspId", msp, "role", "producer", "password", Api.PASSWORD));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        var plot = api.post(
                user,
                "/api/locations",
                Map.of(
                        "id",
                        "WQ-" + msp.substring(14, 18),
                        "kind",
                        "plot",
                        "nameZh",
                        "林下木耳基地",
                        "areaMu",
                        12,
                        "address",
                        Map.of("county", "汪清县")));
        if (ByDesign.newOrganisationsTransactAtOnce()) {
            assertThat(plot.status()).as(plot.body()).isEqualTo(201);
        } else {
            assertThat(plot.status()).as(plot.body()).isEqualTo(403);
            assertThat(plot.code()).isEqualTo("ORGANISATION_NOT_ON_CHANNEL");
            assertThat(plot.json().path("title").asString()).isEqualTo("组织尚未加入通道");
        }
        assertThat(api.get("regulator", "/api/ledger/verify").json().path("ok").asBoolean())
                .isTrue();
    }

    @Test
    void only_administrators_enrol_users() {
        var response = api().post(
                        "farmer",
                        "/api/users",
                        Map.of(
                                "username",
                                "sneaky",
                                "mspId",
                                "ShulanRiceCoopMSP",
                                "role",
                                "inspector",
                                "password",
                                "0123456789"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void a_personal_token_signs_in_without_a_password() {
        Api api = api();
        var token = api.post("farmer", "/api/me/tokens", Map.of("name", "scale"));
        assertThat(token.status()).isEqualTo(201);
        var me = api.get(token.json().path("token").asString(), "/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("mspId").asString()).isEqualTo("ShulanRiceCoopMSP");
        assertThat(me.json().path("certificate").asString()).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
