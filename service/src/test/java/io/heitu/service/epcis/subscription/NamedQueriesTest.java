package io.heitu.service.epcis.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.service.problem.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NamedQueriesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final NamedQueries queries = new NamedQueries(null, JSON);

    @Test
    void takes_a_query_gs1s_schema_takes_extension_fields_included() {
        var definition = JSON.readTree("""
                {"name": "shipped-rice", "query": {"@context": {"t": "https://ns.heitu.io/test/"},
                 "eventType": ["ObjectEvent"], "EQ_bizStep": ["shipping"], "EQ_t:run": ["abc"],
                 "GE_eventTime": "2026-01-01T00:00:00Z", "EQ_quantity": [10], "EXISTS_errorDeclaration": null}}""");

        NamedQuery query = queries.check("RiceMillMSP", definition, Map.of());

        assertThat(query.name()).isEqualTo("shipped-rice");
        assertThat(query.prefixes()).containsEntry("t", "https://ns.heitu.io/test/");
        assertThat(NamedQuery.parameters(query.query()))
                .containsEntry("EQ_t:run", java.util.List.of("abc"))
                .containsEntry("EQ_quantity", java.util.List.of("10"))
                .containsEntry("EXISTS_errorDeclaration", java.util.List.of());
    }

    @Test
    void refuses_what_the_schema_does_not_know_and_names_that_are_no_path_segment() {
        assertThatThrownBy(() -> queries.check(
                        "RiceMillMSP",
                        JSON.readTree("{\"name\": \"q\", \"query\": {\"EQ_colour\": [\"red\"]}}"),
                        Map.of()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("EQ_colour");
        assertThatThrownBy(() ->
                        queries.check("RiceMillMSP", JSON.readTree("{\"name\": \"a/b\", \"query\": {}}"), Map.of()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("name");
    }
}
