package io.heitu.service;

import io.heitu.service.support.Schemathesis;
import io.heitu.service.support.ServiceTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schemathesis against {@code /epcis}, driven by GS1's official {@code openapi.json} and by our own
 * OpenAPI document, with a bounded budget: any 5xx answer fails the build. Only the "not a server
 * error" check runs: conformance of statuses and schemas is {@link EpcisBindingsIT}'s, with GS1's
 * own inconsistencies read as meant. The rest of the API is {@link SecurityFuzzIT}'s.
 *
 * <p>Budget: {@code -Dheitu.fuzz.seconds} per specification (default 120), {@code
 * -Dheitu.fuzz.seed} (default 1).
 */
class EpcisFuzzIT extends ServiceTest {

    @Test
    void the_official_bindings_find_no_server_error() throws Exception {
        Path spec =
                Path.of("src/test/resources/epcis/rest-bindings/openapi.json").toAbsolutePath();
        Schemathesis.run(
                "official", List.of(spec.toString(), "--url", base() + "/epcis"), "grocer", "not_a_server_error", 120);
    }

    @Test
    void our_own_openapi_finds_no_server_error_on_epcis() throws Exception {
        Schemathesis.run(
                "ours",
                List.of(base() + "/v3/api-docs", "--url", base(), "--include-path-regex", "^/epcis"),
                "grocer",
                "not_a_server_error",
                120);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
