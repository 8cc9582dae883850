package io.heitu.service.epcis.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Nested
    class Canonical {

        @ParameterizedTest
        @CsvSource({
            "urn:epc:id:sgtin:0614141.107346.2017, https://id.gs1.org/01/10614141073464/21/2017",
            "urn:epc:id:sscc:0614141.1234567890, https://id.gs1.org/00/106141412345678908",
            "urn:epc:id:sgln:0614141.12345.400, https://id.gs1.org/414/0614141123452/254/400",
            "urn:epc:id:sgln:0614141.12345.0, https://id.gs1.org/414/0614141123452",
            "urn:epc:id:pgln:0614141.00001, https://id.gs1.org/417/0614141000012",
            "urn:epc:id:grai:0614141.12345.400, https://id.gs1.org/8003/00614141123452400",
            "urn:epc:id:giai:0614141.12345400, https://id.gs1.org/8004/061414112345400",
            "urn:epc:id:gdti:0614141.12345.400, https://id.gs1.org/253/0614141123452400",
            "urn:epc:class:lgtin:4012345.012345.998877, https://id.gs1.org/01/04012345123456/10/998877",
            "urn:epc:idpat:sgtin:4012345.012345.*, https://id.gs1.org/01/04012345123456",
            "https://example.com/shop/01/10614141073464/21/2017?s=abc, https://id.gs1.org/01/10614141073464/21/2017",
            "https://id.gs1.org/01/06901234500035/10/R5%2F1, https://id.gs1.org/01/06901234500035/10/R5%2F1",
            "urn:uuid:07fc8ffe-3a39-4e70-86f2-5ba2b2a9a7c5, urn:uuid:07fc8ffe-3a39-4e70-86f2-5ba2b2a9a7c5",
            "urn:epc:id:sgtin:0614141.107346.A%2FB, https://id.gs1.org/01/10614141073464/21/A%2FB",
        })
        void writes_every_gs1_key_as_its_canonical_digital_link(String given, String canonical) {
            assertThat(Identifiers.canonical(given)).isEqualTo(canonical);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://id.gs1.org/01/10614141073465/21/2017", // wrong check digit
                    "urn:epc:id:sgtin:0614141.10734.2017", // 12 digits, not 13
                    "https://id.gs1.org/01/10614141073464/21", // a qualifier without a value
                    "https://id.gs1.org/01/10614141073464/21/2017/10/L1", // 10 after 21
                })
        void leaves_what_is_not_a_valid_gs1_key_as_written(String given) {
            assertThat(Identifiers.canonical(given)).isEqualTo(given);
        }
    }

    @Nested
    class Urns {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "urn:epc:id:sgtin:0614141.107346.2017",
                    "urn:epc:id:sscc:0614141.1234567890",
                    "urn:epc:id:sgln:0614141.12345.400",
                    "urn:epc:id:sgln:0614141.12345.0",
                    "urn:epc:id:pgln:0614141.00001",
                    "urn:epc:id:grai:0614141.12345.400",
                    "urn:epc:id:giai:0614141.12345400",
                    "urn:epc:id:gsrn:0614141.1234567890",
                    "urn:epc:id:gsrnp:0614141.1234567890",
                    "urn:epc:id:gdti:0614141.12345.400",
                    "urn:epc:id:sgcn:4012345.67890.04711",
                    "urn:epc:id:ginc:0614141.xyz47%2F11",
                    "urn:epc:id:gsin:0614141.123456789",
                    "urn:epc:id:itip:4012345.012345.01.02.987",
                    "urn:epc:id:upui:1234567.089456.51qIgY)%3C%26Jp3*j7'SDB",
                    "urn:epc:id:cpi:0614141.123ABC.123456789",
                    "urn:epc:class:lgtin:4012345.012345.998877",
                    "urn:epc:idpat:sgtin:4012345.012345.*",
                })
        void convert_to_a_digital_link_and_back_with_their_company_prefix_length(String urn) {
            Gs1Key key = Identifiers.key(urn).orElseThrow();
            int prefix = urn.substring(urn.lastIndexOf(':') + 1).indexOf('.');

            assertThat(EpcUrns.toUrn(key, prefix)).hasValue(urn);
            assertThat(Gs1Key.parseDigitalLink(key.digitalLink())).hasValue(key);
        }
    }

    @Nested
    class Patterns {

        private static final String SGTIN = "urn:epc:id:sgtin:0614141.107346.2017";
        private static final String SAME_AS_DIGITAL_LINK = "https://id.gs1.org/01/10614141073464/21/2017";

        @Test
        void a_star_may_stand_in_any_component() {
            assertThat(matches("urn:epc:idpat:sgtin:0614141.107346.*", SGTIN)).isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:0614141.*.*", SGTIN)).isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:*.*.*", SGTIN)).isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:*.107346.2017", SGTIN)).isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:0614141.*.2017", SGTIN)).isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:0614141.*.2018", SGTIN)).isFalse();
            assertThat(matches("urn:epc:idpat:sgtin:0614142.*.*", SGTIN)).isFalse();
        }

        @Test
        void a_pattern_without_a_star_matches_exactly_that_identifier() {
            assertThat(matches("urn:epc:idpat:sgtin:0614141.107346.2017", SGTIN))
                    .isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:0614141.107346.2017", SGTIN + "0"))
                    .isFalse();
        }

        @Test
        void a_digital_link_is_the_same_epc_as_its_urn() {
            assertThat(matches("urn:epc:idpat:sgtin:0614141.107346.*", SAME_AS_DIGITAL_LINK))
                    .isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:0614141.*.*", "https://example.org/01/10614141073464/21/9"))
                    .isTrue();
        }

        @Test
        void the_company_prefix_length_is_the_patterns_own() {
            // 061414 is a 6-digit prefix of the same digits: as a 7-digit prefix it is 0614141.
            assertThat(matches("urn:epc:idpat:sgtin:061414.1107346.*", SGTIN)).isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:061414.107346.*", SGTIN)).isFalse();
        }

        @Test
        void a_class_matches_only_when_the_serial_is_left_open() {
            String lot = "urn:epc:class:lgtin:4012345.012345.998877";
            String gtin = "https://id.gs1.org/01/04012345123456";

            assertThat(matches("urn:epc:idpat:sgtin:4012345.012345.*", lot)).isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:4012345.*.*", gtin)).isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:4012345.012345.998877", lot))
                    .isFalse();
        }

        @Test
        void other_schemes_match_their_own_keys() {
            assertThat(matches("urn:epc:idpat:sscc:0614141.*", "urn:epc:id:sscc:0614141.1234567890"))
                    .isTrue();
            assertThat(matches("urn:epc:idpat:sgln:0614141.12345.*", "https://id.gs1.org/414/0614141123452/254/7"))
                    .isTrue();
            assertThat(matches("urn:epc:idpat:grai:0614141.12345.*", "urn:epc:id:grai:0614141.12345.400"))
                    .isTrue();
            assertThat(matches("urn:epc:idpat:sgtin:0614141.*.*", "urn:epc:id:sscc:0614141.1234567890"))
                    .isFalse();
        }

        private boolean matches(String pattern, String identifier) {
            return EpcPattern.parse(pattern).orElseThrow().matches(identifier);
        }
    }
}
