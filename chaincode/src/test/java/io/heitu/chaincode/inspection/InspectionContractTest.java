package io.heitu.chaincode.inspection;

import static io.heitu.chaincode.support.J.list;
import static io.heitu.chaincode.support.J.map;
import static io.heitu.chaincode.support.J.of;
import static io.heitu.chaincode.support.J.write;
import static io.heitu.chaincode.support.ResultAssert.assertThat;
import static io.heitu.chaincode.support.World.COOP;
import static io.heitu.chaincode.support.World.INSPECTION;
import static io.heitu.chaincode.support.World.MILLED_RICE;
import static io.heitu.chaincode.support.World.PADDY;
import static io.heitu.chaincode.support.World.RICE_BAG_5KG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.support.Actors;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InspectionContractTest {

    private final World world = World.standard();
    private final World.RiceChain chain = world.riceChain("I");

    @Nested
    class RecordLabResult {

        @Test
        void a_passing_result_is_conformant_and_counts_in_the_lots_record() {
            Result result = world.labResult(RICE_BAG_5KG, chain.bags(), "0.05");

            assertThat(result).isOk();
            JsonNode inspection = world.lot(RICE_BAG_5KG, chain.bags()).at("/lot/inspection");
            assertThat(inspection.path("result").asText()).isEqualTo("conformant");
            assertThat(inspection.path("passed").asInt()).isEqualTo(1);
            assertThat(inspection.path("total").asInt()).isEqualTo(1);
            assertThat(inspection.path("inspectorMsp").asText()).isEqualTo(INSPECTION);
            assertThat(inspection.path("eventId").asText()).isEqualTo(result.eventId());
            JsonNode event = stored(result);
            assertThat(event.path("bizStep").asText()).isEqualTo("sampling");
            assertThat(event.path("disposition").asText()).isEqualTo("conformant");
            assertThat(event.path("jl:reportNo").asText()).isEqualTo("JL-I-B");
            assertThat(event.path("jl:labResults").toString())
                    .isEqualTo(
                            "[{\"analyte\":\"cadmium\",\"limit\":0.2,\"limitType\":\"max\",\"method\":\"GB 5009.15\","
                                    + "\"pass\":true,\"unit\":\"mg/kg\",\"value\":0.05}]");
        }

        @Test
        void a_failing_result_holds_the_lot_and_every_lot_made_from_it() {
            Result result = world.labResult(PADDY, chain.dried(), "0.35");

            assertThat(result).isOk();
            assertThat(stored(result).path("disposition").asText()).isEqualTo("non_conformant");
            for (String[] lot : List.of(
                    new String[] {PADDY, chain.dried()},
                    new String[] {MILLED_RICE, chain.milled()},
                    new String[] {RICE_BAG_5KG, chain.bags()})) {
                JsonNode view = world.lot(lot[0], lot[1]);
                assertThat(view.path("state").asText()).as(lot[1]).isEqualTo("on_hold");
                assertThat(view.at("/holds/0/reason").asText()).startsWith("non-conformant lab result ni:///");
                assertThat(view.at("/holds/0/kind").asText()).isEqualTo("failed_result");
                assertThat(view.at("/holds/0/originLot").asText()).endsWith("/10/" + chain.dried());
            }
            assertThat(world.lot(PADDY, chain.paddy()).path("holds")).isEmpty();
            assertThat(world.lot(PADDY, chain.dried())
                            .at("/lot/inspection/result")
                            .asText())
                    .isEqualTo("non_conformant");
        }

        @Test
        void computes_the_verdict_itself_whatever_the_client_claims() {
            Result result = labResult(RICE_BAG_5KG, chain.bags(), measurement("cadmium", "0.3", "0.2", "max", true));

            assertThat(stored(result).path("disposition").asText()).isEqualTo("non_conformant");
            assertThat(stored(result).at("/jl:labResults/0/pass").asBoolean()).isFalse();
        }

        @Test
        void checks_minimum_limits_as_well_as_maximum_ones() {
            Result low = labResult(MILLED_RICE, chain.milled(), measurement("protein", "6.9", "7.0", "min", null));

            assertThat(stored(low).path("disposition").asText()).isEqualTo("non_conformant");
        }

        @Test
        void passes_a_minimum_limit_that_is_met() {
            Result high = labResult(MILLED_RICE, chain.milled(), measurement("protein", "7.0", "7.0", "min", null));

            assertThat(stored(high).path("disposition").asText()).isEqualTo("conformant");
        }

        @Test
        void a_failing_result_on_a_lot_already_held_adds_its_own_hold_that_outlives_the_other() {
            world.hold(world.regulator, PADDY, chain.paddy(), "regulator's own hold");

            assertThat(world.labResult(MILLED_RICE, chain.milled(), "0.5")).isOk();

            JsonNode held = world.lot(MILLED_RICE, chain.milled());
            assertThat(held.path("holds").findValuesAsText("kind")).containsExactlyInAnyOrder("failed_result", "hold");
            assertThat(world.release(world.regulator, PADDY, chain.paddy(), "paddy cleared"))
                    .isOk();
            assertThat(world.lot(MILLED_RICE, chain.milled()).path("state").asText())
                    .isEqualTo("on_hold");
            assertThat(world.ship(world.miller, World.MART, MILLED_RICE, chain.milled(), "10", "KGM"))
                    .isRefusedWith(ErrorCode.LOT_ON_HOLD);
            assertThat(world.lot(MILLED_RICE, chain.milled())
                            .at("/lot/inspection/total")
                            .asInt())
                    .isEqualTo(1);
        }

        @Test
        void refuses_an_unknown_or_recalled_lot() {
            world.recall(world.regulator, RICE_BAG_5KG, chain.bags(), "torn");

            assertThat(world.labResult(RICE_BAG_5KG, "NONE", "0.1")).isRefusedWith(ErrorCode.LOT_NOT_FOUND);
            assertThat(world.labResult(RICE_BAG_5KG, chain.bags(), "0.1")).isRefusedWith(ErrorCode.LOT_RECALLED);
        }

        @Test
        void refuses_results_that_are_missing_or_incomplete() {
            Map<String, Object> noValue = measurement("cadmium", "0.1", "0.2", null, null);
            noValue.remove("value");
            Map<String, Object> badLimitType = measurement("cadmium", "0.1", "0.2", "around", null);
            Map<String, Object> noUnit = measurement("cadmium", "0.1", "0.2", null, null);
            noUnit.remove("unit");
            for (Object results : List.of(list(), list(noValue), list(badLimitType), list(noUnit))) {
                Map<String, Object> request = request(RICE_BAG_5KG, chain.bags());
                request.put("results", results);

                assertThat(world.ledger.submit(world.inspector, "inspection:RecordLabResult", write(request)))
                        .as(results.toString())
                        .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            }
            Map<String, Object> badKind = request(RICE_BAG_5KG, chain.bags());
            badKind.put("kind", "tasting");
            assertThat(world.ledger.submit(world.inspector, "inspection:RecordLabResult", write(badKind)))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        private Result labResult(String gtin, String lotCode, Map<String, Object> measurement) {
            Map<String, Object> request = request(gtin, lotCode);
            request.put("kind", "inspecting");
            request.put("results", list(measurement));
            return world.ledger.submit(world.inspector, "inspection:RecordLabResult", write(request));
        }

        private Map<String, Object> request(String gtin, String lotCode) {
            return map(
                    "gtin",
                    gtin,
                    "lotCode",
                    lotCode,
                    "eventTime",
                    world.nextTime(),
                    "lab",
                    "吉林省农产品质检中心",
                    "results",
                    list(measurement("cadmium", "0.1", "0.2", null, null)));
        }

        private Map<String, Object> measurement(String analyte, String value, String limit, String type, Boolean pass) {
            Map<String, Object> measurement = map(
                    "analyte",
                    analyte,
                    "value",
                    new BigDecimal(value),
                    "unit",
                    "mg/kg",
                    "limit",
                    new BigDecimal(limit));
            if (type != null) {
                measurement.put("limitType", type);
            }
            if (pass != null) {
                measurement.put("pass", pass);
            }
            return measurement;
        }
    }

    @Nested
    class IssueCertificate {

        @Test
        void issues_a_certificate_for_a_lot_and_lists_it_with_the_lot() {
            Result result = issue(lotCertificate("GF-1"));

            assertThat(result).isOk();
            assertThat(result.json().path("status").asText()).isEqualTo("active");
            assertThat(result.json().path("issuerMsp").asText()).isEqualTo(INSPECTION);
            assertThat(result.json().path("subject").toString())
                    .isEqualTo("{\"gtin\":\"06901234500035\",\"lotCode\":\"I-B\"}");
            assertThat(result.event().getEventName()).isEqualTo("CertificateIssued");
            assertThat(result.event().getPayload().toStringUtf8())
                    .isEqualTo("{\"id\":\"JilinInspectionMSP/GF-1\",\"kind\":\"cert\","
                            + "\"lots\":[\"https://id.gs1.org/01/06901234500035/10/I-B\"]}");
            JsonNode listed = world.query(
                            world.grocer, "inspection:Certificates", of("gtin", RICE_BAG_5KG, "lotCode", chain.bags()))
                    .json();
            assertThat(listed.size()).isEqualTo(1);
            assertThat(listed.get(0).path("number").asText()).isEqualTo("GF-1");
            assertThat(world.query(
                                    world.grocer,
                                    "inspection:GetCertificate",
                                    of("issuerMsp", INSPECTION, "number", "GF-1"))
                            .payload())
                    .isEqualTo(result.payload());
        }

        @Test
        void issues_a_certificate_for_an_organisation_and_one_of_its_products() {
            Map<String, Object> request = map(
                    "number",
                    "GI-2026-07",
                    "type",
                    "gi_authorisation",
                    "mspId",
                    World.MILL,
                    "productGtin",
                    RICE_BAG_5KG,
                    "standard",
                    "地理标志产品 舒兰大米",
                    "validFrom",
                    "2026-01-01",
                    "validUntil",
                    "2028-12-31",
                    "documentHash",
                    "a".repeat(64));

            assertThat(issue(request)).isOk();
            JsonNode listed = world.query(world.grocer, "inspection:Certificates", of("mspId", World.MILL))
                    .json();
            assertThat(listed.get(0).path("subject").toString())
                    .isEqualTo("{\"mspId\":\"RiceMillMSP\",\"productGtin\":\"06901234500035\"}");
        }

        @Test
        void refuses_unknown_subjects() {
            Map<String, Object> unknownLot = lotCertificate("GF-2");
            unknownLot.put("lotCode", "NONE");
            Map<String, Object> unknownOrg = orgCertificate("GF-3", "NoSuchMSP");
            Map<String, Object> unknownProduct = orgCertificate("GF-4", COOP);
            unknownProduct.put("productGtin", "06901234500059");

            assertThat(issue(unknownLot)).isRefusedWith(ErrorCode.LOT_NOT_FOUND);
            assertThat(issue(unknownOrg)).isRefusedWith(ErrorCode.ORGANISATION_NOT_FOUND);
            assertThat(issue(unknownProduct)).isRefusedWith(ErrorCode.PRODUCT_NOT_FOUND);
        }

        @Test
        void refuses_a_certificate_about_both_or_neither_a_lot_and_an_organisation() {
            Map<String, Object> both = lotCertificate("GF-5");
            both.put("mspId", COOP);
            Map<String, Object> neither = lotCertificate("GF-6");
            neither.remove("gtin");
            neither.remove("lotCode");

            assertThat(issue(both)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(issue(neither)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_bad_types_dates_and_document_hashes() {
            Map<String, Object> badType = lotCertificate("GF-7");
            badType.put("type", "commitment");
            Map<String, Object> backwards = lotCertificate("GF-7");
            backwards.put("validFrom", "2027-01-01");
            Map<String, Object> upperHash = lotCertificate("GF-7");
            upperHash.put("documentHash", "A".repeat(64));
            Map<String, Object> notADate = lotCertificate("GF-7");
            notADate.put("validUntil", "2027-02-30");

            assertThat(issue(badType)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(issue(backwards)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(issue(upperHash)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(issue(notADate)).isRefusedWith(ErrorCode.INVALID_TIME);
        }

        @Test
        void refuses_a_number_the_issuer_used_before() {
            issue(lotCertificate("GF-8"));

            assertThat(issue(orgCertificate("GF-8", COOP))).isRefusedWith(ErrorCode.CERTIFICATE_EXISTS);
        }
    }

    @Nested
    class IssueCommitment {

        @Test
        void the_producer_promises_its_own_lot_meets_the_standards() {
            world.ledger.setNow(Instant.parse("2026-10-04T17:30:00Z"));

            Result result = world.ledger.submit(
                    world.farmer,
                    "inspection:IssueCommitment",
                    of(
                            "number",
                            "CM-1",
                            "gtin",
                            PADDY,
                            "lotCode",
                            chain.paddy(),
                            "basis",
                            "self_test",
                            "contact",
                            "0432-1234567"));

            assertThat(result).isOk();
            JsonNode certificate = result.json();
            assertThat(certificate.path("type").asText()).isEqualTo("commitment");
            assertThat(certificate.path("validFrom").asText())
                    .as("the day in China")
                    .isEqualTo("2026-10-05");
            assertThat(certificate.path("commitment").toString())
                    .isEqualTo(
                            "{\"basis\":\"self_test\",\"contact\":\"0432-1234567\",\"promises\":"
                                    + "[\"no_banned_pesticides_or_drugs\",\"residues_within_limits\",\"no_illegal_additives\"]}");
        }

        @Test
        void refuses_a_lot_another_organisation_produced() {
            assertThat(world.ledger.submit(
                            world.farmer,
                            "inspection:IssueCommitment",
                            of("number", "CM-2", "gtin", MILLED_RICE, "lotCode", chain.milled(), "basis", "self_test")))
                    .isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
        }

        @Test
        void refuses_an_unknown_basis_or_too_many_promises() {
            List<Object> eleven = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                eleven.add("promise_" + i);
            }

            assertThat(commit(map("basis", "hearsay"))).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(commit(map("basis", "self_test", "promises", eleven))).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(commit(map("basis", "self_test", "validUntil", "soon"))).isRefusedWith(ErrorCode.INVALID_TIME);
            assertThat(commit(map("basis", "self_test", "validUntil", "2026-10-04")))
                    .as("ended the day before it was issued")
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(commit(map(
                            "basis",
                            "entrusted_test",
                            "promises",
                            list("no_banned_pesticides_or_drugs"),
                            "validUntil",
                            "2026-12-31")))
                    .isOk();
        }

        private Result commit(Map<String, Object> fields) {
            Map<String, Object> request = map("number", "CM-3", "gtin", PADDY, "lotCode", chain.paddy());
            request.putAll(fields);
            return world.ledger.submit(world.farmer, "inspection:IssueCommitment", write(request));
        }
    }

    @Nested
    class RevokeCertificate {

        @Test
        void the_issuer_revokes_its_certificate_once() {
            issue(lotCertificate("GF-10"));

            Result result = revoke(world.inspector, INSPECTION, "GF-10");

            assertThat(result).isOk();
            assertThat(result.json().path("status").asText()).isEqualTo("revoked");
            assertThat(result.json().at("/revocation/byRole").asText()).isEqualTo("inspector");
            assertThat(result.event().getEventName()).isEqualTo("CertificateRevoked");
            assertThat(revoke(world.inspector, INSPECTION, "GF-10")).isRefusedWith(ErrorCode.CERTIFICATE_REVOKED);
        }

        @Test
        void a_regulator_revokes_any_certificate_and_another_inspection_body_none() {
            issue(lotCertificate("GF-11"));
            world.registerOrg("OtherLabMSP", "另一检测机构", "inspection_body");
            Enrollment otherInspector = Actors.user("OtherLabMSP", Role.INSPECTOR);

            assertThat(revoke(otherInspector, INSPECTION, "GF-11")).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(revoke(world.regulator, INSPECTION, "GF-11")).isOk();
        }

        @Test
        void a_producer_revokes_its_own_commitment_but_no_inspectors_certificate() {
            world.ok(
                    world.farmer,
                    "inspection:IssueCommitment",
                    of("number", "CM-10", "gtin", PADDY, "lotCode", chain.paddy(), "basis", "self_test"));
            issue(orgCertificate("GF-12", COOP));

            assertThat(revoke(world.farmer, INSPECTION, "GF-12")).isRefusedWith(ErrorCode.FORBIDDEN_NOT_OWNER);
            assertThat(revoke(world.farmer, COOP, "CM-10")).isOk();
        }

        @Test
        void answers_not_found_for_an_unknown_certificate() {
            assertThat(revoke(world.regulator, INSPECTION, "NONE")).isRefusedWith(ErrorCode.CERTIFICATE_NOT_FOUND);
            assertThat(world.query(
                            world.grocer, "inspection:GetCertificate", of("issuerMsp", INSPECTION, "number", "NONE")))
                    .isRefusedWith(ErrorCode.CERTIFICATE_NOT_FOUND);
        }

        private Result revoke(Enrollment user, String issuer, String number) {
            return world.ledger.submit(
                    user, "inspection:RevokeCertificate", of("issuerMsp", issuer, "number", number, "reason", "过期"));
        }
    }

    @Nested
    class Certificates {

        @Test
        void answers_not_found_for_a_lot_or_organisation_not_on_the_ledger() {
            assertThat(world.query(world.grocer, "inspection:Certificates", of("gtin", PADDY, "lotCode", "NONE")))
                    .isRefusedWith(ErrorCode.LOT_NOT_FOUND);
            assertThat(world.query(world.grocer, "inspection:Certificates", of("mspId", "NoSuchMSP")))
                    .isRefusedWith(ErrorCode.ORGANISATION_NOT_FOUND);
        }

        @Test
        void refuses_an_organisation_named_with_control_characters() {
            assertThat(world.query(world.grocer, "inspection:Certificates", of("mspId", "Coop\u0000MSP")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void refuses_a_query_about_both_or_neither_a_lot_and_an_organisation() {
            assertThat(world.query(world.grocer, "inspection:Certificates", "{}"))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.query(
                            world.grocer, "inspection:Certificates", of("gtin", PADDY, "lotCode", "X", "mspId", COOP)))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }
    }

    @Nested
    class Grade {

        @Test
        void grades_a_lot_and_records_the_grade_as_an_inspecting_event() {
            Result result = grade(RICE_BAG_5KG, chain.bags(), 1);

            assertThat(result).isOk();
            JsonNode grade = world.lot(RICE_BAG_5KG, chain.bags()).at("/lot/grade");
            assertThat(grade.path("level").asInt()).isEqualTo(1);
            assertThat(grade.path("label").asText()).isEqualTo("一级");
            assertThat(grade.path("standard").asText()).isEqualTo("GB/T 1354");
            assertThat(stored(result).path("jl:grade").toString())
                    .isEqualTo("{\"label\":\"一级\",\"level\":1,\"standard\":\"GB/T 1354\"}");
        }

        @Test
        void refuses_levels_outside_1_to_9_and_unknown_lots() {
            assertThat(grade(RICE_BAG_5KG, chain.bags(), 0)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(grade(RICE_BAG_5KG, chain.bags(), 10)).isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(grade(RICE_BAG_5KG, "NONE", 1)).isRefusedWith(ErrorCode.LOT_NOT_FOUND);
        }
    }

    @Nested
    class Ranking {

        @Test
        void ranks_lots_of_a_category_best_first_by_grade_and_inspection_record() {
            world.harvest("I-P2", "100");
            world.harvest("I-P3", "100");
            grade(RICE_BAG_5KG, chain.bags(), 1);
            world.labResult(RICE_BAG_5KG, chain.bags(), "0.05");
            grade(PADDY, "I-P2", 2);
            world.labResult(PADDY, "I-P2", "0.05");
            world.labResult(PADDY, "I-P2", "0.35");
            grade(PADDY, "I-P3", 3);

            JsonNode ranking = world.query(world.grocer, "inspection:Ranking", of("category", "rice"))
                    .json();

            List<String> order = new ArrayList<>();
            List<Integer> scores = new ArrayList<>();
            ranking.path("items").forEach(entry -> {
                order.add(entry.path("lotCode").asText());
                scores.add(entry.path("score").asInt());
            });
            assertThat(order).containsExactly(chain.bags(), "I-P2", "I-P3");
            assertThat(scores).containsExactly(100, 70, 40);
            assertThat(ranking.at("/items/1/inspections").asInt()).isEqualTo(2);
            assertThat(ranking.at("/items/1/inspectionsPassed").asInt()).isEqualTo(1);
            assertThat(ranking.at("/items/0/gradeLabel").asText()).isEqualTo("一级");
        }

        @Test
        void moves_a_regraded_lot_without_leaving_its_old_place_behind() {
            grade(RICE_BAG_5KG, chain.bags(), 3);
            grade(RICE_BAG_5KG, chain.bags(), 1);

            JsonNode items = world.query(world.grocer, "inspection:Ranking", of("category", "rice"))
                    .json()
                    .path("items");

            assertThat(items.size()).isEqualTo(1);
            assertThat(items.at("/0/score").asInt()).isEqualTo(60);
        }

        @Test
        void ranks_producers_by_the_mean_score_of_their_lots() {
            world.harvest("I-P4", "100");
            grade(PADDY, chain.paddy(), 1);
            grade(PADDY, "I-P4", 4);
            grade(RICE_BAG_5KG, chain.bags(), 2);
            grade(RICE_BAG_5KG, chain.bags(), 2);

            JsonNode producers = world.query(
                            world.grocer, "inspection:Ranking", of("category", "rice", "scope", "producers"))
                    .json()
                    .path("items");

            assertThat(producers.toString())
                    .isEqualTo("[{\"category\":\"rice\",\"lots\":1,\"producerMsp\":\"RiceMillMSP\",\"score\":50,"
                            + "\"scoreSum\":50},{\"category\":\"rice\",\"lots\":2,\"producerMsp\":\"ShulanRiceCoopMSP\","
                            + "\"score\":45,\"scoreSum\":90}]");
        }

        @Test
        void keeps_categories_apart_and_pages_through_them() {
            grade(PADDY, chain.paddy(), 1);
            grade(PADDY, chain.dried(), 2);
            grade(MILLED_RICE, chain.milled(), 3);

            JsonNode first = world.query(world.grocer, "inspection:Ranking", of("category", "rice", "pageSize", 2))
                    .json();
            JsonNode second = world.query(
                            world.grocer,
                            "inspection:Ranking",
                            of(
                                    "category",
                                    "rice",
                                    "pageSize",
                                    2,
                                    "bookmark",
                                    first.path("bookmark").asText()))
                    .json();

            assertThat(first.path("items").size()).isEqualTo(2);
            assertThat(second.path("items").size()).isEqualTo(1);
            assertThat(world.query(world.grocer, "inspection:Ranking", of("category", "ginseng"))
                            .json()
                            .path("items")
                            .size())
                    .isZero();
        }

        @Test
        void refuses_a_scope_or_category_it_does_not_know() {
            assertThat(world.query(world.grocer, "inspection:Ranking", of("category", "rice", "scope", "counties")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.query(world.grocer, "inspection:Ranking", of("scope", "lots")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
            assertThat(world.query(world.grocer, "inspection:Ranking", of("category", "durian")))
                    .isRefusedWith(ErrorCode.INVALID_ARGUMENT);
        }
    }

    private Result grade(String gtin, String lotCode, int level) {
        return world.ledger.submit(
                world.inspector,
                "inspection:Grade",
                of(
                        "gtin",
                        gtin,
                        "lotCode",
                        lotCode,
                        "standard",
                        "GB/T 1354",
                        "level",
                        level,
                        "label",
                        level == 1 ? "一级" : level + "级",
                        "eventTime",
                        world.nextTime()));
    }

    private Result issue(Map<String, Object> request) {
        return world.ledger.submit(world.inspector, "inspection:IssueCertificate", write(request));
    }

    private Map<String, Object> lotCertificate(String number) {
        return map(
                "number",
                number,
                "type",
                "green_food",
                "gtin",
                RICE_BAG_5KG,
                "lotCode",
                chain.bags(),
                "standard",
                "NY/T 419",
                "validFrom",
                "2026-10-01",
                "validUntil",
                "2026-12-31");
    }

    private static Map<String, Object> orgCertificate(String number, String mspId) {
        return map(
                "number",
                number,
                "type",
                "organic",
                "mspId",
                mspId,
                "validFrom",
                "2026-01-01",
                "validUntil",
                "2026-12-31");
    }

    private JsonNode stored(Result result) {
        return world.query(world.regulator, "event:Get", of("eventId", result.eventId()))
                .json()
                .path("event");
    }
}
