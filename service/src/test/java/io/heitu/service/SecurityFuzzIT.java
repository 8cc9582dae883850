package io.heitu.service;

import io.heitu.service.support.Schemathesis;
import io.heitu.service.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security suite's fuzzer: schemathesis over our own OpenAPI document (all but {@code /epcis},
 * which {@link EpcisFuzzIT} covers), once as each of three roles — a producer, an inspector and a
 * regulator — with a bounded budget. It fails on any 5xx and on any status an operation does not
 * document ({@code status_code_conformance}): every operation's answers, problem+json included,
 * are in the document ({@code ProblemResponses}).
 *
 * <p>Budget: {@code -Dheitu.fuzz.seconds} per role (default 45, so under four minutes in all with
 * start-up), {@code -Dheitu.fuzz.seed} (default 1).
 */
class SecurityFuzzIT extends ServiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"farmer", "inspector", "regulator"})
    void no_server_error_and_no_undocumented_status_as(String user) throws Exception {
        Schemathesis.run(
                "api-" + user,
                List.of(
                        "http://localhost:" + port + "/v3/api-docs",
                        "--url",
                        "http://localhost:" + port,
                        "--exclude-path-regex",
                        "^/epcis"),
                user,
                "not_a_server_error,status_code_conformance",
                45);
    }
}
