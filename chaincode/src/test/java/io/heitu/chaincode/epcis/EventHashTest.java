package io.heitu.chaincode.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventHashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode REFERENCE = read("reference-hashes.json");
    private static final Map<String, String> JILIN = Map.of("jl", "https://ns.heitu.io/jilin/");

    @Nested
    class MatchesTheReference {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.heitu.chaincode.epcis.EventHashTest#officialExamples")
        void for_every_event_of_the_official_gs1_examples(String file) {
            assertThat(hashesOf("examples/" + file)).containsExactlyElementsOf(referenceHashes("examples", file));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.heitu.chaincode.epcis.EventHashTest#heituExamples")
        void for_our_own_event_shapes(String file) {
            assertThat(hashesOf("heitu/" + file)).containsExactlyElementsOf(referenceHashes("heitu", file));
        }

        @Test
        void on_52_official_events_and_excludes_only_documents_with_a_stated_reason() {
            int events = 0;
            for (JsonNode hashes : REFERENCE.get("examples")) {
                events += hashes.size();
            }
            List<String> covered = new ArrayList<>();
            REFERENCE.get("examples").fieldNames().forEachRemaining(name -> covered.add("examples/" + name));
            REFERENCE.get("excluded").fieldNames().forEachRemaining(covered::add);

            assertThat(events).isEqualTo(52);
            assertThat(heituExamples()).containsExactlyElementsOf(filesIn("heitu"));
            assertThat(covered)
                    .containsExactlyInAnyOrderElementsOf(filesIn("examples").stream()
                            .map(file -> "examples/" + file)
                            .toList());
            REFERENCE
                    .get("excluded")
                    .forEach(reason -> assertThat(reason.asText()).startsWith("reference "));
        }

        @Test
        void and_still_hashes_the_examples_the_reference_cannot() {
            List<String> hashes = new ArrayList<>();
            REFERENCE.get("excluded").fieldNames().forEachRemaining(file -> hashes.addAll(hashesOf(file)));

            assertThat(hashes).hasSize(4).allMatch(hash -> hash.matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0"));
        }
    }

    @Nested
    class PreHashString {

        @Test
        void starts_with_the_event_type_and_the_event_time_in_utc_milliseconds() {
            assertThat(EventHash.preHashString(commissioning(), JILIN))
                    .startsWith("eventType=ObjectEventeventTime=2026-10-08T01:15:00.000ZeventTimeZoneOffset=+08:00");
        }

        @Test
        void writes_extension_keys_as_namespace_iri_and_local_name_and_hashes_chinese_text_as_utf8() throws Exception {
            String preHash = EventHash.preHashString(commissioning(), JILIN);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(preHash.getBytes(StandardCharsets.UTF_8));

            assertThat(preHash).contains("ilmd{https://ns.heitu.io/jilin/}blackSoil=True");
            assertThat(preHash).endsWith("{https://ns.heitu.io/jilin/}variety=稻花香2号");
            assertThat(EventHash.of(commissioning(), JILIN))
                    .isEqualTo("ni:///sha-256;" + HexFormat.of().formatHex(digest) + "?ver=CBV2.0");
        }

        @Test
        void writes_json_booleans_and_nulls_the_way_the_reference_prints_them() {
            ObjectNode event = commissioning();
            ((ObjectNode) event.get("ilmd")).put("jl:blackSoil", false).putNull("jl:grade");

            assertThat(EventHash.preHashString(event, JILIN))
                    .contains("{https://ns.heitu.io/jilin/}blackSoil=False{https://ns.heitu.io/jilin/}grade=None");
        }

        @Test
        void expands_a_bare_cbv_term_only_in_the_field_whose_vocabulary_defines_it() {
            ObjectNode event = shipping().put("jl:lastStep", "shipping");

            assertThat(EventHash.preHashString(event, JILIN))
                    .contains("bizStep=https://ref.gs1.org/cbv/BizStep-shipping")
                    .contains("{https://ns.heitu.io/jilin/}lastStep=shipping");
        }

        @Test
        void leaves_out_event_id_record_time_and_error_declaration() {
            ObjectNode declared = commissioning();
            declared.put("eventID", "ni:///sha-256;00?ver=CBV2.0");
            declared.put("recordTime", "2026-10-09T00:00:00Z");
            declared.putObject("errorDeclaration").put("reason", "incorrect_data");

            assertThat(EventHash.of(declared, JILIN)).isEqualTo(EventHash.of(commissioning(), JILIN));
        }

        @Test
        void rejects_anything_but_a_json_object() {
            assertThatThrownBy(() -> EventHash.of(JSON.createArrayNode())).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class StaysTheSame {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.heitu.chaincode.epcis.EventHashTest#heituExamples")
        void when_fields_and_list_entries_come_in_another_order(String file) {
            JsonNode event = firstEvent("heitu/" + file);

            assertThat(EventHash.of(reversed(event), JILIN)).isEqualTo(EventHash.of(event, JILIN));
        }

        @Test
        void when_values_carry_whitespace_the_reference_trims() {
            ObjectNode padded = shipping();
            padded.withArray("epcList").set(0, " urn:epc:id:sscc:6941234.0000012345\n");
            ObjectNode quantity = (ObjectNode) padded.withArray("quantityList").get(0);
            quantity.put("quantity", " 500.0 ").put("uom", "KGM\t");
            ((ObjectNode) padded.get("readPoint")).put("id", "  https://id.gs1.org/414/6941234500024/254/dock-1");
            padded.put("jl:vehiclePlate", "\u00a0吉A·12345 ");

            assertThat(EventHash.of(padded, JILIN)).isEqualTo(EventHash.of(shipping(), JILIN));
        }

        @ParameterizedTest
        @CsvSource({
            "2026-10-08T01:15:00Z",
            "2026-10-08T01:15:00.000Z",
            "2026-10-08T01:15:00.0004+00:00",
            "2026-10-07T20:15:00-05:00",
            "2026-10-08T10:15:00.000+0900"
        })
        void when_event_time_is_written_in_another_time_zone(String eventTime) {
            ObjectNode event = commissioning().put("eventTime", eventTime);

            assertThat(EventHash.of(event, JILIN)).isEqualTo(EventHash.of(commissioning(), JILIN));
        }

        @Test
        void when_gs1_keys_and_cbv_values_are_written_in_other_equivalent_forms() {
            ObjectNode older = shipping();
            older.withArray("epcList").set(0, "https://example.com/sscc/069412340000123452?src=label");
            older.put("bizStep", "urn:epcglobal:cbv:bizstep:shipping");
            older.put("disposition", "https://ref.gs1.org/cbv/Disp-in_transit");
            ((ObjectNode) older.withArray("sourceList").get(1)).put("source", "https://id.gs1.org/414/6941234500024");

            assertThat(EventHash.of(older, JILIN)).isEqualTo(EventHash.of(shipping(), JILIN));
        }

        @Test
        void when_the_extension_prefix_is_declared_in_the_event_instead_of_the_document() {
            ObjectNode withContext = commissioning();
            withContext.putArray("@context").addObject().put("jl", "https://ns.heitu.io/jilin/");

            assertThat(EventHash.of(withContext)).isEqualTo(EventHash.of(commissioning(), JILIN));
        }
    }

    @Nested
    class Changes {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                /epcList/0                          | urn:epc:id:sscc:6941234.0000012346
                /quantityList/0/quantity            | 500.5
                /quantityList/0/epcClass            | https://id.gs1.org/01/06941234500024/10/MR2026-002
                /bizStep                            | receiving
                /disposition                        | in_progress
                /destinationList/0/destination      | urn:epc:id:pgln:6900000.00002
                /bizTransactionList/0/type          | inv
                /jl:vehiclePlate                    | 吉A·12346
                """)
        void when_any_value_changes(String pointer, String value) {
            ObjectNode changed = shipping();
            String field = pointer.substring(pointer.lastIndexOf('/') + 1);
            JsonNode parent = changed.at(pointer.substring(0, pointer.lastIndexOf('/')));
            if (parent.isArray()) {
                ((ArrayNode) parent).set(Integer.parseInt(field), value);
            } else {
                ((ObjectNode) parent).put(field, value);
            }

            assertThat(EventHash.of(changed, JILIN)).isNotEqualTo(EventHash.of(shipping(), JILIN));
        }

        @Test
        void when_a_sensor_reading_changes() {
            ObjectNode changed = firstEvent("heitu/cold-chain-sensor-event.jsonld");
            ((ObjectNode) changed.at("/sensorElementList/0/sensorReport/1")).put("value", 19.01);

            assertThat(EventHash.of(changed, JILIN))
                    .isNotEqualTo(EventHash.of(firstEvent("heitu/cold-chain-sensor-event.jsonld"), JILIN));
        }

        @Test
        void when_the_extension_namespace_changes() {
            assertThat(EventHash.of(commissioning(), Map.of("jl", "https://ns.heitu.io/jilin/v2/")))
                    .isNotEqualTo(EventHash.of(commissioning(), JILIN));
        }
    }

    @Nested
    class PrefixesOf {

        @Test
        void keeps_the_prefixes_of_context_objects_and_ignores_urls_keywords_and_term_definitions() {
            JsonNode context = json("""
                    ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
                     {"ex": "http://ns.example.com/epcis/", "@vocab": "http://x/", "ex:n": {"@type": "@id"}},
                     {"jl": "https://ns.heitu.io/jilin/", "ex": "http://example.com/ex/"}]""");

            assertThat(EventHash.prefixesOf(context))
                    .containsExactly(
                            Map.entry("ex", "http://example.com/ex/"), Map.entry("jl", "https://ns.heitu.io/jilin/"));
        }

        @Test
        void accepts_a_single_object_a_url_or_nothing() {
            assertThat(EventHash.prefixesOf(json("{\"jl\": \"https://ns.heitu.io/jilin/\"}")))
                    .containsEntry("jl", "https://ns.heitu.io/jilin/");
            assertThat(EventHash.prefixesOf(json("\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"")))
                    .isEmpty();
            assertThat(EventHash.prefixesOf(null)).isEmpty();
        }
    }

    @Nested
    class Values {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "12000.50, 12000.5",
            "+012, 12",
            "1.0, 1",
            "-0.0, 0",
            "1.5e3, 1500",
            "1e22, 10000000000000000000000",
            "0.0001, 0.0001",
            "0.00001, 1e-05",
            "-1.5E-7, -1.5e-07",
            "007, 7",
            "1e400, 1e400",
            "1e99999999999, 1e99999999999",
            "2026-10-07, 2026-10-07",
            "SL2026-001, SL2026-001"
        })
        void numbers_take_their_shortest_form(String text, String canonical) {
            assertThat(EventHashValues.numeric(text)).isEqualTo(canonical);
        }

        /**
         * The timeout guards against a reading that backtracks over the digits (a hang), with room
         * for a loaded CI machine; it is not a speed figure (those are in bench/).
         */
        @Test
        @Timeout(120)
        void a_long_run_of_digits_is_read_in_linear_time() {
            String digits = "1".repeat(200_000);

            assertThat(EventHashValues.numeric(digits + "x")).isEqualTo(digits + "x");
            assertThat(EventHashValues.numeric(digits + ".50")).isEqualTo(digits + ".50");
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "2020-01-01T00:00:00.0005Z, 2020-01-01T00:00:00.000Z",
            "2020-01-01T00:00:00.0015Z, 2020-01-01T00:00:00.002Z",
            "2020-01-01T00:00:00.0025Z, 2020-01-01T00:00:00.002Z",
            "2020-01-01T00:00:00.9996+08:00, 2019-12-31T16:00:01.000Z",
            "2020-01-01T08:00Z, 2020-01-01T08:00:00.000Z",
            "2020-01-01T08:00:00, 2020-01-01T08:00:00.000Z",
            "yesterday, yesterday"
        })
        void timestamps_are_utc_with_milliseconds_rounded_half_to_even(String text, String canonical) {
            assertThat(EventHashValues.timestamp(text)).isEqualTo(canonical);
        }

        @Test
        void whitespace_is_trimmed_as_python_trims_it() {
            assertThat(EventHashValues.strip("\u00a0\u2007 x y\u202f\u0085\n")).isEqualTo("x y");
        }

        /** Expected values computed with the reference's dl_normaliser; an empty one means "no GS1 key". */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                urn:epc:id:sgtin:0614141.107346.2017 | https://id.gs1.org/01/10614141073464/21/2017
                urn:epc:id:sgtin:4012345.011111.A%2Fb!c | https://id.gs1.org/01/04012345111118/21/A%2Fb%21c
                urn:epc:id:sscc:0614141.1234567890 | https://id.gs1.org/00/106141412345678908
                urn:epc:id:sgln:0614141.07346.1234 | https://id.gs1.org/414/0614141073467/254/1234
                urn:epc:id:sgln:0614141.07346.0 | https://id.gs1.org/414/0614141073467
                urn:epc:id:sgln:061414112345..7 | https://id.gs1.org/414/0614141123452/254/7
                urn:epc:id:grai:4012345.55555.4987 | https://id.gs1.org/8003/040123455555544987
                urn:epc:id:grai:061414112345..5 |
                urn:epc:id:giai:4000001.111 | https://id.gs1.org/8004/4000001111
                urn:epc:id:gsrn:0614141.0000010253 | https://id.gs1.org/8018/061414100000102534
                urn:epc:id:gsrnp:0614141.0000010253 | https://id.gs1.org/8017/061414100000102534
                urn:epc:id:gdti:0614141.00001.1618034 | https://id.gs1.org/253/06141410000121618034
                urn:epc:id:gdti:061414112345..1618034 | https://id.gs1.org/253/06141411234521618034
                urn:epc:id:cpi:0614141.123ABC.123456789 | https://id.gs1.org/8010/0614141123ABC/8011/123456789
                urn:epc:id:sgcn:4012345.67890.04711 | https://id.gs1.org/255/401234567890104711
                urn:epc:id:ginc:0614141.xyz47(11) | https://id.gs1.org/401/0614141xyz47%2811%29
                urn:epc:id:gsin:0614141.123456789 | https://id.gs1.org/402/06141411234567890
                urn:epc:id:itip:4012345.012345.01.02.987 | https://id.gs1.org/8006/040123451234560102/21/987
                urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7 | https://id.gs1.org/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7
                urn:epc:id:pgln:0614141.00777 | https://id.gs1.org/417/0614141007776
                urn:epc:id:pgln:061414100777. | https://id.gs1.org/417/0614141007776
                urn:epc:class:lgtin:4012345.012345.998877 | https://id.gs1.org/01/04012345123456/10/998877
                urn:epc:idpat:sgtin:4012345.098765.* | https://id.gs1.org/01/04012345987652
                urn:epc:idpat:grai:4012345.55555.* | https://id.gs1.org/8003/04012345555554
                urn:epc:idpat:gdti:0614141.00001.* | https://id.gs1.org/253/0614141000012
                urn:epc:idpat:sgcn:4012345.67890.* | https://id.gs1.org/255/4012345678901
                urn:epc:idpat:cpi:0614141.123ABC.* | https://id.gs1.org/8010/0614141123ABC
                urn:epc:idpat:itip:4012345.012345.01.02.* | https://id.gs1.org/8006/040123451234560102
                urn:epc:idpat:upui:1234567.098765.* | https://id.gs1.org/01/01234567987651
                urn:epc:id:sgtin:0614141.107346 |
                https://id.gs1.org/01/09520123456788/21/12345 | https://id.gs1.org/01/09520123456788/21/12345
                https://example.com/gtin/9520123456788/lot/ABC/ser/XYZ?17=201225 | https://id.gs1.org/01/09520123456788/21/XYZ
                https://example.com/01/09520123456788/22/2A/10/ABC | https://id.gs1.org/01/09520123456788/10/ABC
                https://id.gs1.org/01/09520123456788/22/2A | https://id.gs1.org/01/09520123456788
                https://id.gs1.org/01/09520123456788/22/2A/21/S1 | https://id.gs1.org/01/09520123456788/21/S1
                https://id.gs1.org/8006/095201234567880102/22/2A | https://id.gs1.org/8006/095201234567880102
                https://id.gs1.org/8006/095201234567880102/10/L1/21/S1 | https://id.gs1.org/8006/095201234567880102/21/S1
                http://example.org/some/path/01/614141123452/10/LOT1 | https://id.gs1.org/01/00614141123452/10/LOT1
                https://id.gs1.org/01/12345678/21/1 | https://id.gs1.org/01/00000012345678/21/1
                https://id.gs1.org/01/9520123456788?linkType=all | https://id.gs1.org/01/09520123456788
                https://brand.example/00/106141412345678908 | https://id.gs1.org/00/106141412345678908
                https://id.gs1.org/8010/0614141ABC/8011/123 | https://id.gs1.org/8010/0614141ABC/8011/123
                https://id.gs1.org/414/0614141000012/254/A1 | https://id.gs1.org/414/0614141000012/254/A1
                https://id.gs1.org/party/0614141000012 | https://id.gs1.org/417/0614141000012
                https://example.org/8004/401234599999 | https://id.gs1.org/8004/401234599999
                https://id.gs1.org/01/09520123456788/21/A%2F1 |
                https://example.com/abcdefghij |
                https://ref.gs1.org/cbv/BizStep-shipping |
                urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6 |
                nodots |
                """)
        void gs1_keys_become_canonical_digital_links(String uri, String digitalLink) {
            assertThat(EventHashDigitalLinks.normalise(uri)).isEqualTo(digitalLink);
        }
    }

    static Stream<String> officialExamples() {
        return checkedFiles("examples");
    }

    static Stream<String> heituExamples() {
        return checkedFiles("heitu");
    }

    private static Stream<String> checkedFiles(String folder) {
        List<String> names = new ArrayList<>();
        REFERENCE.get(folder).fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    private static List<String> filesIn(String folder) {
        try (Stream<Path> files = Files.list(
                Path.of(EventHashTest.class.getResource("/epcis/" + folder).toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> referenceHashes(String folder, String file) {
        List<String> hashes = new ArrayList<>();
        JsonNode listed = REFERENCE.get(folder).get(file);
        assertThat(listed).as("reference hashes of %s/%s", folder, file).isNotNull();
        listed.forEach(hash -> hashes.add(hash.asText()));
        return hashes;
    }

    private static List<String> hashesOf(String resource) {
        JsonNode document = read(resource);
        Map<String, String> prefixes = EventHash.prefixesOf(document.get("@context"));
        List<String> hashes = new ArrayList<>();
        eventsOf(document).forEach(event -> hashes.add(EventHash.of(event, prefixes)));
        return hashes;
    }

    private static JsonNode eventsOf(JsonNode document) {
        JsonNode body = document.get("epcisBody");
        if (body.has("eventList")) {
            return body.get("eventList");
        }
        return body.has("event")
                ? JSON.createArrayNode().add(body.get("event"))
                : body.at("/queryResults/resultsBody/eventList");
    }

    private static ObjectNode firstEvent(String resource) {
        return (ObjectNode) eventsOf(read(resource)).get(0);
    }

    private static ObjectNode commissioning() {
        return firstEvent("heitu/commissioning-object-event.jsonld");
    }

    private static ObjectNode shipping() {
        return firstEvent("heitu/shipping-object-event.jsonld");
    }

    /** The same JSON with the fields of every object and the entries of every list in reverse order. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            for (int i = fields.size() - 1; i >= 0; i--) {
                copy.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            for (int i = node.size() - 1; i >= 0; i--) {
                copy.add(reversed(node.get(i)));
            }
            return copy;
        }
        return node;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventHashTest.class.getResourceAsStream("/epcis/" + resource)) {
            return JSON.readTree(Objects.requireNonNull(in, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
