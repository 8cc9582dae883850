package io.heitu.service.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NegotiationTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | PAGE",
                "application/json | JSON",
                "application/json, text/html;q=0.5 | JSON",
                "text/html, application/json;q=0.9 | PAGE",
                "*/* | PAGE",
                "application/linkset+json | LINKSET",
                "image/png | PAGE",
                "not a media type; | PAGE"
            })
    void a_browser_gets_the_page_and_a_client_that_prefers_json_gets_json(String accept, Negotiation expected) {
        assertThat(Negotiation.of(null, accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "all, LINKSET",
        "linkset, LINKSET",
        "gs1:pip, PAGE",
        "https://gs1.org/voc/pip, PAGE",
        "gs1:defaultLink, PAGE",
        "gs1:traceability, JSON",
        "gs1:verificationService, JSON",
        "gs1:certificationInfo, CERTIFICATES"
    })
    void a_gs1_link_type_names_the_link(String linkType, Negotiation expected) {
        assertThat(Negotiation.of(linkType, "text/html")).isEqualTo(expected);
    }

    @Test
    void an_unknown_link_type_falls_back_to_the_default_link() {
        assertThat(Negotiation.of("gs1:recipeInfo", "text/html")).isEqualTo(Negotiation.PAGE);
        assertThat(Negotiation.of("gs1:recipeInfo", "application/json")).isEqualTo(Negotiation.JSON);
    }

    @Test
    void no_accept_header_gets_the_page() {
        assertThat(Negotiation.of(null, null)).isEqualTo(Negotiation.PAGE);
    }
}
