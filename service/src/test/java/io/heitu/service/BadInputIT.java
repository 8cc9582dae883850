package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Oversized, malformed or hostile input gets a 4xx problem+json with a stable code — never a 500 or a stack trace. */
class BadInputIT extends ServiceTest {

    private void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at io.heitu");
    }

    @Test
    void json_nested_a_thousand_deep_is_malformed() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertProblem(api().post("farmer", "/api/lots/harvests", deep), 400, "MALFORMED_REQUEST");
    }

    @Test
    void a_body_over_the_limit_is_refused_before_parsing() {
        String huge = "{\"gtin\":\"" + "9".repeat(3_000_000) + "\"}";
        assertProblem(api().post("farmer", "/api/lots/harvests", huge), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void truncated_json_is_malformed() {
        assertProblem(api().post("farmer", "/api/lots/harvests", "{\"gtin\":\"0690"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void a_number_where_text_belongs_is_malformed() {
        assertProblem(
                api().post("farmer", "/api/lots/harvests", Map.of("gtin", 6901234500011L, "lotCode", "A")),
                400,
                "MALFORMED_REQUEST");
    }

    @Test
    void an_unknown_field_is_malformed() {
        assertProblem(
                api().post(
                                "farmer",
                                "/api/locations",
                                Map.of(
                                        "id",
                                        "X1",
                                        "kind",
                                        "warehouse",
                                        "nameZh",
                                        "仓库",
                                        "address",
                                        Map.of("county", "舒兰市"),
                                        "sneaky",
                                        true)),
                400,
                "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"稻田\u202Egnp.exe", "nul\u0000byte", "zero\u200Bwidth"})
    void invisible_or_control_characters_in_names_are_refused(String name) {
        var response = api().post(
                        "farmer",
                        "/api/locations",
                        Map.of(
                                "id",
                                "BAD-" + Math.abs(name.hashCode()),
                                "kind",
                                "warehouse",
                                "nameZh",
                                name,
                                "address",
                                Map.of("county", "舒兰市")));
        assertProblem(response, 400, "INVALID_ARGUMENT");
    }

    @Test
    void a_name_of_ten_thousand_characters_is_refused() {
        var response = api().post(
                        "farmer",
                        "/api/locations",
                        Map.of(
                                "id",
                                "LONG-1",
                                "kind",
                                "warehouse",
                                "nameZh",
                                "稻".repeat(10_000),
                                "address",
                                Map.of("county", "舒兰市")));
        assertProblem(response, 400, "INVALID_ARGUMENT");
    }

    @Test
    void an_unknown_cbv_business_step_is_refused() {
        var response = api().post(
                        "farmer",
                        "/api/events/observations",
                        Map.of(
                                "bizStep",
                                "teleporting",
                                "lots",
                                java.util.List.of(Map.of("gtin", "06901234500011", "lotCode", "SL2026-0928")),
                                "eventTime",
                                "2026-10-01T08:00:00+08:00"));
        assertProblem(response, 400, "UNKNOWN_CBV_VALUE");
    }

    @Test
    void xml_is_an_unsupported_media_type() {
        var response = api().raw(
                        "farmer",
                        "POST",
                        "/api/lots/harvests",
                        "application/xml",
                        "<lot/>".getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void a_wrong_method_is_405() {
        var response = api().raw("farmer", "DELETE", "/api/lots/harvests", null, new byte[0]);
        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void an_unknown_api_path_is_404() {
        assertProblem(api().get("farmer", "/api/no/such/thing"), 404, "NOT_FOUND");
    }

    /**
     * Every operation of our own OpenAPI document that takes a JSON body, sent a body that is valid
     * JSON but not an object — an array, a string, a number, null where a body is required — as each of four roles, answers a
     * 4xx problem+json. The fuzzer once found one operation that cast the body to an object and
     * answered 500; this walks them all, where the fuzzer's time budget may not.
     */
    @ParameterizedTest
    @ValueSource(strings = {"farmer", "carrier", "inspector", "regulator"})
    void a_json_body_that_is_not_an_object_is_refused_by_every_operation(String user) {
        var document = api().get(user, "/v3/api-docs").json();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!operation.getValue().path("requestBody").path("content").has("application/json")) {
                    continue;
                }
                operations++;
                String target = path.getKey().replaceAll("\\{[^}]+}", "X");
                boolean required = operation
                        .getValue()
                        .path("requestBody")
                        .path("required")
                        .asBoolean();
                for (String body : new String[] {"[{\"a\":1},[false,[],[]]]", "[]", "\"稻\"", "42", "true", "null"}) {
                    if (body.equals("null") && !required) {
                        continue; // JSON null is no body, which an optional body may be
                    }
                    var response = api().raw(
                                    user,
                                    operation.getKey().toUpperCase(java.util.Locale.ROOT),
                                    target,
                                    "application/json",
                                    body.getBytes(StandardCharsets.UTF_8));
                    assertThat(response.status())
                            .as(operation.getKey() + " " + target + " " + body + " → " + response.body())
                            .isBetween(400, 499);
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(operations).as("operations with a JSON body").isGreaterThan(30);
    }

    @Test
    void invalid_utf8_bytes_are_malformed() {
        byte[] bytes = {'{', '"', 'g', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertProblem(
                api().raw("farmer", "POST", "/api/lots/harvests", "application/json", bytes), 400, "MALFORMED_REQUEST");
    }
}
