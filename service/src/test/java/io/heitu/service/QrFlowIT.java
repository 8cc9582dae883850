package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.label.LabelDecoder;
import io.heitu.service.support.Codes;
import io.heitu.service.support.ServiceTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * QR codes end to end on the embedded ledger: keys registered and published, issuance refused
 * before inspection, images and label sheets, the resolver's JSON, page and linkset, scan counts,
 * freezes, and a photo decoded back to the same verdict.
 */
class QrFlowIT extends ServiceTest {

    static final String GINSENG = Codes.GINSENG;

    Codes codes() {
        return new Codes(api());
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Nested
    class Keys {

        @Test
        void a_processor_makes_a_key_and_it_is_published_as_active_in_the_key_set() {
            var created = api().post("miller", "/api/qr/keys", Map.of("algorithm", "ES256"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String keyId = created.json().path("keyId").asString();
            assertThat(created.headers().firstValue("X-Block-Number")).isPresent();
            assertThat(created.body()).doesNotContain("private");

            var keySet = api().get(null, "/.well-known/heitu/qr-keys.json");
            assertThat(keySet.status()).isEqualTo(200);
            assertThat(keySet.headers().firstValue("ETag")).isPresent();
            JsonNode entry = entry(keySet.json(), keyId);
            assertThat(entry.path("kty").asString()).isEqualTo("EC");
            assertThat(entry.path("alg").asString()).isEqualTo("ES256");
            assertThat(entry.path("status").asString()).isEqualTo("active");
            assertThat(entry.path("org").asString()).isEqualTo("RiceMillMSP");
        }

        @Test
        void a_revoked_key_stays_in_the_key_set_marked_revoked() {
            String keyId = api().post("ginseng", "/api/qr/keys", Map.of())
                    .json()
                    .path("keyId")
                    .asString();
            var revoked = api().post("ginseng", "/api/qr/keys/" + keyId + "/revoke", Map.of("reason", "lost laptop"));
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
            await(() -> "revoked"
                    .equals(entry(
                                    api().get(null, "/.well-known/heitu/qr-keys.json")
                                            .json(),
                                    keyId)
                            .path("status")
                            .asString()));
        }

        @Test
        void a_retailer_may_not_make_signing_keys() {
            var refused = api().post("grocer", "/api/qr/keys", Map.of());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("FORBIDDEN_ROLE");
        }

        private JsonNode entry(JsonNode keySet, String keyId) {
            for (JsonNode key : keySet.path("keys")) {
                if (key.path("kid").asString().equals(keyId)) {
                    return key;
                }
            }
            return keySet.path("no such key");
        }
    }

    @Nested
    class Issuance {

        @Test
        void codes_before_a_passing_inspection_are_refused_where_the_product_needs_one() {
            String lot = unique("FS-IT-");
            var harvest = api().post(
                            "ginseng",
                            "/api/lots/harvests",
                            Map.of(
                                    "gtin",
                                    GINSENG,
                                    "lotCode",
                                    lot,
                                    "quantity",
                                    Map.of("value", 12, "uom", "KGM"),
                                    "origin",
                                    "harvest",
                                    "plotId",
                                    "FS-FOREST-03",
                                    "eventTime",
                                    ApiFlowIT.at(2, 9)));
            assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);

            var refused = api().post(
                            "ginseng",
                            "/api/qr/issuances",
                            Map.of("gtin", GINSENG, "lotCode", lot, "count", 5, "perUnit", true));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("INSPECTION_REQUIRED");
            assertThat(refused.json().path("title").asString()).isEqualTo("需要先检验合格");
        }

        @Test
        void per_unit_codes_have_distinct_unguessable_serials_and_only_the_issuer_sees_them() {
            JsonNode issuance = codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 50, true);
            List<String> uris = codes().codes("miller", issuance.path("id").asString());
            assertThat(uris).hasSize(50).doesNotHaveDuplicates();
            assertThat(uris)
                    .allSatisfy(uri -> assertThat(uri)
                            .matches(".*/21/[2-9A-HJ-NP-Z]{12}\\?s=[A-Za-z0-9_-]{11}\\.[A-Za-z0-9_-]{86}"));

            var elsewhere = api().get(
                            "ginseng",
                            "/api/qr/issuances/" + issuance.path("id").asString());
            assertThat(elsewhere.status()).isEqualTo(404);
            assertThat(elsewhere.code()).isEqualTo("ISSUANCE_NOT_FOUND");
        }

        @Test
        void a_code_image_scans_back_to_its_uri_as_png_and_is_an_svg_too() {
            JsonNode issuance = codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 2, true);
            String id = issuance.path("id").asString();
            String uri = codes().codes("miller", id).get(0);
            String serial = uri.substring(uri.indexOf("/21/") + 4, uri.indexOf('?'));

            byte[] png = bytes("miller", "/api/qr/issuances/" + id + "/codes/" + serial + ".png?size=400&ec=Q");
            assertThat(LabelDecoder.decode(png)).isEqualTo(uri);
            var svg = api().get("miller", "/api/qr/issuances/" + id + "/codes/" + serial + ".svg?size=200");
            assertThat(svg.contentType()).startsWith("image/svg+xml");
            assertThat(svg.body()).contains("<svg").contains("width=\"200\"");

            var bad = api().get("miller", "/api/qr/issuances/" + id + "/codes/" + serial + ".png?ec=X");
            assertThat(bad.code()).isEqualTo("INVALID_ARGUMENT");
        }

        @Test
        void a_per_lot_code_prints_a_sheet_of_labels_and_a_big_sheet_runs_as_a_job_with_progress() {
            JsonNode perLot = codes().issue("rancher", "06901234500066", "YBC-2026-1021", 30, false);
            byte[] sheet = bytes(
                    "rancher", "/api/qr/issuances/" + perLot.path("id").asString() + "/labels.pdf?layout=A4_4X10");
            assertThat(new String(sheet, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

            // 1,200 unit codes need a lot of at least 1,200 units: codes never outnumber a lot's units,
            // and the demo's rice bags have other codes already. The cooperative harvests 1,300 kg.
            String paddy = unique("QR-BIG-");
            var harvest = api().post("farmer", "/api/lots/harvests", ApiFlowIT.paddy(paddy, 1300, ApiFlowIT.at(1, 9)));
            assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
            assertThat(api().post("farmer", "/api/qr/keys", Map.of()).status()).isEqualTo(201);
            JsonNode units = codes().issue("farmer", ApiFlowIT.PADDY, paddy, 1200, true);
            var tooBig =
                    api().get("farmer", "/api/qr/issuances/" + units.path("id").asString() + "/labels.pdf");
            assertThat(tooBig.code()).isEqualTo("LIMIT_EXCEEDED");

            var started = api().post(
                            "farmer",
                            "/api/qr/label-jobs",
                            Map.of("issuanceId", units.path("id").asString(), "layout", "A4_2X5"));
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String job = started.headers().firstValue("Location").orElseThrow();
            assertThat(started.json().path("total").asInt()).isEqualTo(1200);
            await(() ->
                    "done".equals(api().get("farmer", job).json().path("state").asString()));
            JsonNode done = api().get("farmer", job).json();
            assertThat(done.path("done").asInt()).isEqualTo(1200);
            byte[] pdf = bytes("farmer", done.path("pdf").asString());
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

            assertThat(api().get("grocer", job).code()).isEqualTo("LABEL_JOB_NOT_FOUND");
        }
    }

    @Nested
    class Resolver {

        @Test
        void a_unit_code_is_genuine_with_the_lots_story_and_the_ledger_proof() {
            String uri = fresh();
            JsonNode answer = codes().scan(uri);
            assertThat(answer.path("verdict").asString()).isEqualTo("GENUINE");
            assertThat(answer.path("genuine").asBoolean()).isTrue();
            assertThat(answer.path("title").asString()).isEqualTo("正品 · 验证通过");
            assertThat(answer.at("/issuer/mspId").asString()).isEqualTo("RiceMillMSP");
            assertThat(answer.at("/product/nameZh").asString()).isEqualTo("舒兰大米 5kg");
            assertThat(answer.at("/product/giAuthorised").asBoolean()).isTrue();
            assertThat(answer.at("/origin/county").asString()).isEqualTo("舒兰市");
            assertThat(answer.at("/origin/plot/soil/practice").asString()).contains("秸秆覆盖");
            assertThat(answer.at("/grade/label").asString()).isEqualTo("一级");
            assertThat(answer.at("/inspections/0/result").asString()).isEqualTo("conformant");
            assertThat(answer.at("/journey/0/step").asString()).isEqualTo("harvest");
            assertThat(answer.at("/journey/0/quantity/jin").asString()).isEqualTo("24000");
            assertThat(answer.at("/journey/0/at").asString()).endsWith("+08:00");
            assertThat(answer.at("/ledger/verified").asBoolean()).isTrue();
            assertThat(answer.at("/ledger/proof/blockNumber").asLong()).isPositive();
            assertThat(answer.at("/ledger/proof/blockHash").asString()).hasSize(64);
            assertThat(answer.at("/scans/count").asLong()).isEqualTo(1);
        }

        @Test
        void english_on_request_and_the_same_verdict() {
            var answer = api().english().withHeaders(null, Codes.local(fresh()), "Accept", "application/json");
            assertThat(answer.json().path("title").asString()).isEqualTo("Genuine — verified");
        }

        @Test
        void a_browser_gets_the_page_with_a_link_header_to_the_linkset() {
            var page = api().withHeaders(
                            null, Codes.local(fresh()), "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body())
                    .contains("lang=\"zh-CN\"")
                    .contains("正品 · 验证通过")
                    .contains("舒兰大米 5kg");
            assertThat(page.headers().firstValue("Link").orElseThrow())
                    .contains("linkType=all")
                    .contains("rel=\"linkset\"");
            assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        }

        @Test
        void link_type_all_gives_the_gs1_linkset() {
            var linkset = api().get(null, Codes.local(fresh()) + "&linkType=all");
            assertThat(linkset.status()).isEqualTo(200);
            assertThat(linkset.contentType()).startsWith("application/linkset+json");
            JsonNode links = linkset.json().path("linkset").path(0);
            assertThat(links.path("anchor").asString())
                    .contains("/01/" + Codes.BAGS + "/10/" + Codes.RICE_LOT + "/21/");
            assertThat(links.has("https://gs1.org/voc/pip")).isTrue();
            assertThat(links.has("https://gs1.org/voc/traceability")).isTrue();
            assertThat(links.has("https://gs1.org/voc/certificationInfo")).isTrue();
            assertThat(links.path("https://gs1.org/voc/defaultLink")
                            .path(0)
                            .path("type")
                            .asString())
                    .isEqualTo("text/html");

            var traceability = api().get(null, Codes.local(fresh()) + "&linkType=gs1:traceability");
            assertThat(traceability.contentType()).startsWith("application/json");
            assertThat(api().get(null, "/.well-known/gs1resolver")
                            .json()
                            .path("supportedPrimaryKeys")
                            .path(0)
                            .asString())
                    .isEqualTo("01");
        }

        @Test
        void a_malformed_path_is_a_400_problem_for_clients_and_a_page_for_people() {
            String badCheckDigit = "/01/06901234500036/10/R5-2026-1005";
            var json = api().withHeaders(null, badCheckDigit, "Accept", "application/json");
            assertThat(json.status()).isEqualTo(400);
            assertThat(json.code()).isEqualTo("INVALID_GTIN");
            var page = api().withHeaders(null, badCheckDigit, "Accept", "text/html");
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("这不是有效的溯源二维码");
        }

        @Test
        void scans_are_counted_and_one_client_asking_often_cannot_make_a_code_suspicious() {
            String uri = fresh();
            for (int scan = 1; scan <= 21; scan++) {
                assertThat(codes().verdict(uri)).isEqualTo("GENUINE");
            }
            JsonNode answer = codes().scan(uri);
            assertThat(answer.path("verdict").asString()).isEqualTo("GENUINE");
            assertThat(answer.at("/scans/count").asLong()).isEqualTo(22);
            assertThat(answer.at("/scans/clients").asLong()).isEqualTo(1);
            assertThat(answer.at("/scans/places").asLong()).isEqualTo(1);
        }

        @Test
        void the_owner_freezes_a_code_and_lifts_it_and_a_retailer_may_not() {
            String uri = fresh();
            String serial = uri.substring(uri.indexOf("/21/") + 4, uri.indexOf('?'));
            Map<String, Object> freeze =
                    Map.of("gtin", Codes.BAGS, "lotCode", Codes.RICE_LOT, "serial", serial, "reason", "label stolen");
            assertThat(api().post("grocer", "/api/qr/freezes", freeze).code()).isEqualTo("FORBIDDEN_NOT_OWNER");

            var frozen = api().post("miller", "/api/qr/freezes", freeze);
            assertThat(frozen.status()).as(frozen.body()).isEqualTo(201);
            JsonNode answer = codes().scan(uri);
            assertThat(answer.path("verdict").asString()).isEqualTo("FROZEN");
            assertThat(answer.path("reason").asString()).isEqualTo("label stolen");

            var lifted = api().raw(
                            "miller",
                            "DELETE",
                            "/api/qr/freezes/" + frozen.json().path("id").asLong(),
                            null,
                            new byte[0]);
            assertThat(lifted.status()).isEqualTo(204);
            assertThat(codes().verdict(uri)).isEqualTo("GENUINE");
        }

        @Test
        void a_photo_of_a_code_decodes_to_the_same_verification() throws Exception {
            JsonNode issuance = codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 1, true);
            String uri = codes().codes("miller", issuance.path("id").asString()).get(0);
            String serial = uri.substring(uri.indexOf("/21/") + 4, uri.indexOf('?'));
            byte[] png = bytes(
                    "miller",
                    "/api/qr/issuances/" + issuance.path("id").asString() + "/codes/" + serial + ".png?size=600");

            HttpResponse<String> decoded = upload(png, "image/png");
            assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
            JsonNode answer =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(decoded.body());
            assertThat(answer.path("text").asString()).isEqualTo(uri);
            assertThat(answer.at("/resolution/verdict").asString()).isEqualTo("GENUINE");

            HttpResponse<String> notAnImage = upload("hello".getBytes(StandardCharsets.UTF_8), "image/png");
            assertThat(notAnImage.statusCode()).isEqualTo(415);
            assertThat(notAnImage.body()).contains("UNSUPPORTED_MEDIA_TYPE");
        }

        /** A new unit code of the demo rice lot, never scanned. */
        private String fresh() {
            JsonNode issuance = codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 1, true);
            return codes().codes("miller", issuance.path("id").asString()).get(0);
        }

        private HttpResponse<String> upload(byte[] image, String type) throws Exception {
            String boundary = "heitu" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"label.png\"\r\n"
                                    + "Content-Type: " + type + "\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(image);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/decode"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    byte[] bytes(String user, String path) {
        return Codes.download("http://localhost:" + port, user, path);
    }

    /** Ledger events reach the caches a moment after commit. */
    static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
