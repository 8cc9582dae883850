package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.EpcisClient;
import io.heitu.service.support.EpcisClient.Answer;
import io.heitu.service.support.ReferenceQuery;
import io.heitu.service.support.ReferenceQuery.Sent;
import io.heitu.service.support.ServiceTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SimpleEventQuery judged against an independent evaluation: every event of GS1's JSON examples is
 * captured again for this run (a new eventID each, and the run in an extension field, so they are
 * new events on any ledger), then each query is answered by the service and by
 * {@link ReferenceQuery}, a plain reading of the standard written apart from the service's engine;
 * the two must name the same events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EpcisQueryIT extends ServiceTest {

    private static final Map<String, String> PREFIXES = Map.of(
            "t", EpcisIT.TEST_NAMESPACE,
            "example", "http://ns.example.com/epcis/",
            "ext1", "http://example.com/ext1/",
            "ext2", "http://example.com/ext2/",
            "ext3", "http://example.com/ext3/");
    private static final String EXTENSIONS = PREFIXES.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));

    private final String run = UUID.randomUUID().toString();
    private final List<Sent> dataset = new ArrayList<>();
    private OffsetDateTime capturedFrom;

    EpcisClient epcis() {
        return new EpcisClient("http://localhost:" + port);
    }

    @BeforeAll
    void captureTheExamplesForThisRun() {
        capturedFrom = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        Map<String, Sent> byHash = new HashMap<>();
        for (String file : EpcisIT.files("examples", ".jsonld")) {
            JsonNode original = EpcisIT.resource("examples/" + file);
            if (!original.path("type").asString().equals("EPCISDocument")) {
                continue;
            }
            ObjectNode document = ((ObjectNode) original).deepCopy();
            ArrayNode context = document.get("@context").isArray()
                    ? (ArrayNode) document.get("@context")
                    : document.putArray("@context").add(original.get("@context"));
            context.addObject().put("t", EpcisIT.TEST_NAMESPACE);
            Map<String, String> prefixes = new HashMap<>();
            context.forEach(entry -> entry.properties().forEach(field -> {
                if (field.getValue().isString()) {
                    prefixes.put(field.getKey(), field.getValue().asString());
                }
            }));
            List<ObjectNode> events = new ArrayList<>();
            for (JsonNode event : document.at("/epcisBody/eventList")) {
                ObjectNode copy = ((ObjectNode) event).deepCopy();
                copy.put("eventID", "urn:uuid:" + UUID.randomUUID());
                copy.put("t:run", run);
                events.add(copy);
            }
            ArrayNode list = (ArrayNode) document.at("/epcisBody/eventList");
            list.removeAll();
            events.forEach(list::add);
            JsonNode job = epcis().capture("grocer", document);
            assertThat(job.path("success").asBoolean()).as("%s: %s", file, job).isTrue();
            for (int i = 0; i < events.size(); i++) {
                String hash = job.path("results").get(i).path("hashID").asString();
                Sent earlier = byHash.get(hash);
                if (earlier == null) {
                    Sent sent = new Sent(events.get(i), prefixes);
                    byHash.put(hash, sent);
                    dataset.add(sent);
                } else if (events.get(i).has("errorDeclaration")) {
                    // An error declaration of an event already captured is added to that event.
                    ((ObjectNode) earlier.event())
                            .set("errorDeclaration", events.get(i).get("errorDeclaration"));
                }
            }
        }
        assertThat(dataset).hasSizeGreaterThan(45);
    }

    static List<Map<String, String>> queries() {
        List<Map<String, String>> queries = new ArrayList<>();
        // Event type, times, action, vocabulary in any spelling
        queries.add(q("eventType", "ObjectEvent"));
        queries.add(q("eventType", "AggregationEvent|TransformationEvent"));
        queries.add(q("GE_eventTime", "2019-01-01T00:00:00Z"));
        queries.add(q("LT_eventTime", "2013-06-08T14:58:56.591+02:00"));
        queries.add(q("GE_eventTime", "2005-04-04T00:00:00-06:00", "LT_eventTime", "2019-11-01T00:00:00+01:00"));
        queries.add(q("EQ_action", "ADD"));
        queries.add(q("EQ_action", "OBSERVE|DELETE"));
        queries.add(q("EQ_bizStep", "receiving"));
        queries.add(q("EQ_bizStep", "urn:epcglobal:cbv:bizstep:shipping|https://ref.gs1.org/cbv/BizStep-receiving"));
        queries.add(q("EQ_disposition", "in_progress|in_transit"));
        queries.add(q("EQ_persistentDisposition_set", "completeness_verified"));
        queries.add(q("EQ_persistentDisposition_unset", "completeness_inferred"));
        // Places, in EPC URN and Digital Link spellings, and within a GLN
        queries.add(q("EQ_readPoint", "urn:epc:id:sgln:0012345.11111.400"));
        queries.add(q("EQ_readPoint", "https://example.org/414/0012345111112/254/400"));
        queries.add(q("EQ_bizLocation", "urn:epc:id:sgln:0012345.11111.0|urn:epc:id:sgln:4012345.00002.0"));
        queries.add(q("WD_readPoint", "urn:epc:id:sgln:0012345.11111.0"));
        queries.add(q("WD_bizLocation", "https://id.gs1.org/414/0012345111112"));
        // EPCs and classes: URNs, Digital Links, patterns with '*' anywhere
        queries.add(q("MATCH_epc", "urn:epc:id:sgtin:0614141.107346.2017"));
        queries.add(q("MATCH_epc", "https://example.com/01/10614141073464/21/2018"));
        queries.add(q("MATCH_epc", "urn:epc:idpat:sgtin:0614141.*.*"));
        queries.add(q("MATCH_epc", "urn:epc:idpat:sgtin:0614141.107346.*"));
        queries.add(q("MATCH_epc", "urn:epc:idpat:sgtin:0614141.*.2017"));
        queries.add(q("MATCH_epc", "urn:epc:idpat:sgtin:0614141.107346.2017"));
        queries.add(q("MATCH_parentID", "urn:epc:id:sscc:0614141.1234567890"));
        queries.add(q("MATCH_inputEPC", "urn:epc:idpat:sgtin:4012345.*.*"));
        queries.add(q("MATCH_outputEPC", "urn:epc:id:sgtin:4012345.077889.25"));
        queries.add(q("MATCH_anyEPC", "urn:epc:id:sgtin:4012345.011122.25|urn:epc:id:sscc:0614141.1234567890"));
        queries.add(q("MATCH_epcClass", "urn:epc:class:lgtin:4012345.012345.998877"));
        queries.add(q("MATCH_epcClass", "urn:epc:idpat:sgtin:4012345.012345.*"));
        queries.add(q("MATCH_epcClass", "https://id.gs1.org/01/04012345123456/10/998877"));
        queries.add(q("MATCH_inputEPCClass", "urn:epc:class:lgtin:4012345.011111.4444"));
        queries.add(q("MATCH_outputEPCClass", "urn:epc:idpat:sgtin:4012345.*.*"));
        queries.add(q("MATCH_anyEPCClass", "urn:epc:class:lgtin:4012345.011111.4444"));
        // Quantities
        queries.add(q("EQ_quantity", "200"));
        queries.add(q("GT_quantity", "100"));
        queries.add(q("LE_quantity_KGM", "200"));
        queries.add(q("GE_quantity_KGM", "150", "LT_quantity", "300"));
        // Error declarations
        queries.add(q("EXISTS_errorDeclaration", "true"));
        queries.add(q("EQ_errorReason", "incorrect_data"));
        queries.add(q("GE_errorDeclarationTime", "2020-01-01T00:00:00Z"));
        // Business transactions, sources and destinations
        queries.add(q("EQ_bizTransaction_po", "urn:epc:id:gdti:0614141.00001.1618034"));
        queries.add(q("EQ_bizTransaction_po", "http://transaction.acme.com/po/12345678"));
        queries.add(q("EQ_source_possessing_party", "urn:epc:id:pgln:4012345.00225"));
        queries.add(
                q("EQ_destination_owning_party", "https://id.gs1.org/417/0614141007773|urn:epc:id:pgln:0614141.00777"));
        queries.add(q("EQ_source_location", "urn:epc:id:sgln:4012345.00225.0"));
        // Sensors
        queries.add(q("EXISTS_sensorElementList", ""));
        queries.add(q("EQ_type", "Temperature"));
        queries.add(q("EQ_type", "gs1:AbsoluteHumidity|Temperature"));
        queries.add(q("GE_value_CEL", "20"));
        queries.add(q("LT_value_CEL", "20"));
        queries.add(q("GE_maxValue_CEL", "26"));
        queries.add(q("GE_percRank", "50"));
        queries.add(q("EQ_deviceID", "urn:epc:id:giai:4000001.111"));
        queries.add(q("EQ_stringValue", "SomeString"));
        queries.add(q("EQ_booleanValue", "true"));
        queries.add(q("EQ_hexBinaryValue", "f0f0f0"));
        queries.add(q("EQ_uriValue", "https://id.gs1.org/8004/4000001111"));
        queries.add(q("EQ_microorganism", "https://www.ncbi.nlm.nih.gov/taxonomy/1126011"));
        queries.add(q("EQ_chemicalSubstance", "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N"));
        queries.add(q("EQ_bizRules", "https://example.com/253/4012345000054987"));
        queries.add(q("GE_time", "2019-07-01T00:00:00Z"));
        queries.add(q("GE_startTime", "2019-04-02T12:00:00Z"));
        // User extensions: of the event, nested, in ILMD, error declarations, places and sensors
        queries.add(q("EQ_example:myField", "Example of a vendor/user extension"));
        queries.add(q("EXISTS_ext1:float", ""));
        queries.add(q("GT_ext1:float", "10"));
        queries.add(q("EQ_ext1:time", "2013-06-08T14:58:56.591Z"));
        queries.add(q("EQ_INNER_ext2:string", "stringInObjectInArray"));
        queries.add(q("EXISTS_INNER_ext3:string", ""));
        queries.add(q("EQ_ILMD_ext1:float", "20"));
        queries.add(q("EXISTS_ILMD_example:bestBeforeDate", ""));
        queries.add(q("EQ_INNER_ILMD_ext2:string", "stringInObjectInArray"));
        queries.add(q("EXISTS_ERROR_DECLARATION_example:vendorExtension", ""));
        queries.add(q("EQ_SENSORMETADATA_ext1:someFurtherMetadata", "someText"));
        queries.add(q("EQ_SENSORREPORT_ext1:someFurtherReportData", "someText"));
        queries.add(q("EXISTS_SENSORELEMENT_ext1:float", ""));
        queries.add(q("EXISTS_readPoint_example:myField", ""));
        // Several conditions at once
        queries.add(q(
                "eventType",
                "ObjectEvent",
                "EQ_bizStep",
                "receiving",
                "MATCH_epcClass",
                "urn:epc:idpat:sgtin:4012345.*.*"));
        return queries;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void every_parameter_selects_what_a_plain_reading_of_the_standard_selects(Map<String, String> query) {
        List<String> expected = ReferenceQuery.select(dataset, query, PREFIXES).stream()
                .map(sent -> sent.event().path("eventID").asString())
                .toList();

        List<String> answered = ask(query);

        assertThat(answered).as("%s", query).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void the_reference_queries_select_something_in_most_cases() {
        long empty = queries().stream()
                .filter(query -> ReferenceQuery.select(dataset, query, PREFIXES).isEmpty())
                .count();

        assertThat(empty).as("queries that the examples give no event for").isLessThanOrEqualTo(3);
    }

    @Nested
    class Order {

        @Test
        void order_by_event_time_ascending_with_a_count_limit_gives_the_first_events() {
            List<String> times = times(ask(q("orderBy", "eventTime", "orderDirection", "ASC", "eventCountLimit", "5")));
            List<String> all = dataset.stream()
                    .map(sent -> sent.event().path("eventTime").asString())
                    .sorted((a, b) -> OffsetDateTime.parse(a).compareTo(OffsetDateTime.parse(b)))
                    .limit(5)
                    .map(time -> OffsetDateTime.parse(time).toInstant().toString())
                    .toList();

            assertThat(times).containsExactlyElementsOf(all);
        }

        @Test
        void order_direction_is_descending_unless_asked_and_pages_keep_the_order() {
            List<String> ids = askPaged(q("orderBy", "eventTime"), 7);
            List<String> times = times(ids);

            assertThat(ids).hasSize(dataset.size());
            for (int i = 1; i < times.size(); i++) {
                assertThat(times.get(i)).as("position %d", i).isLessThanOrEqualTo(times.get(i - 1));
            }
        }

        @Test
        void order_by_an_extension_field() {
            List<String> ids = ask(q("orderBy", "ext1:float", "orderDirection", "ASC", "EXISTS_ext1:float", ""));

            assertThat(ids).isNotEmpty();
            assertThat(ids)
                    .containsExactlyInAnyOrderElementsOf(
                            ReferenceQuery.select(dataset, q("EXISTS_ext1:float", ""), PREFIXES).stream()
                                    .map(sent -> sent.event().path("eventID").asString())
                                    .toList());
        }

        @Test
        void max_event_count_refuses_a_result_that_is_larger_with_query_too_large() {
            int matching = ReferenceQuery.select(dataset, q("eventType", "ObjectEvent"), PREFIXES)
                    .size();
            Answer tooLarge = epcis().get(
                            "regulator",
                            path(q("eventType", "ObjectEvent", "maxEventCount", Integer.toString(matching - 1))),
                            "GS1-Extensions",
                            EXTENSIONS);

            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.json().path("type").asString()).isEqualTo("epcisException:QueryTooLargeException");
            assertThat(ask(q("eventType", "ObjectEvent", "maxEventCount", Integer.toString(matching))))
                    .hasSize(matching);
        }
    }

    @Nested
    class Refusals {

        @Test
        void the_standards_parameter_errors_are_query_parameter_exceptions() {
            for (Map<String, String> wrong : List.of(
                    q("eventCountLimit", "3"),
                    q("orderBy", "eventTime", "eventCountLimit", "3", "maxEventCount", "4"),
                    q("orderBy", "eventTime", "orderDirection", "UP"),
                    q("orderBy", "colour"),
                    q("EQ_action", "ADDED"),
                    q("GE_eventTime", "yesterday"),
                    q("GT_quantity", "many"),
                    q("EQ_colour", "red"),
                    q("EQ_userID", "farmer"),
                    q("perPage", "0"))) {
                Answer answer = epcis().get("regulator", path(wrong));
                assertThat(answer.status()).as("%s: %s", wrong, answer).isEqualTo(400);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.json().path("type").asString()).isEqualTo("epcisException:QueryParameterException");
                assertThat(answer.json().path("code").asString()).isEqualTo("EPCIS_INVALID_QUERY");
            }
        }

        @Test
        void a_next_page_token_serves_only_the_query_that_issued_it_and_not_once_released() {
            EpcisClient epcis = epcis();
            Answer first = epcis.get(
                    "regulator", path(q("eventType", "ObjectEvent", "perPage", "2")), "GS1-Extensions", EXTENSIONS);
            String next = first.next();
            String token = next.substring(next.indexOf("nextPageToken=") + "nextPageToken=".length());

            Answer other = epcis.get(
                    "regulator",
                    path(q("eventType", "AggregationEvent", "perPage", "2")) + "&nextPageToken=" + token,
                    "GS1-Extensions",
                    EXTENSIONS);
            Answer forged = epcis.get(
                    "regulator",
                    next.replace(token, token.substring(0, token.length() - 2) + "xx"),
                    "GS1-Extensions",
                    EXTENSIONS);
            Answer same = epcis.get("regulator", next, "GS1-Extensions", EXTENSIONS);
            Answer released = epcis.send("regulator", "DELETE", "/epcis/nextPageToken/" + token, null, null);
            Answer afterwards = epcis.get("regulator", next, "GS1-Extensions", EXTENSIONS);

            assertThat(first.header("GS1-Next-Page-Token-Expires")).isNotNull();
            assertThat(other.status()).isEqualTo(400);
            assertThat(forged.status()).isEqualTo(400);
            assertThat(same.status()).isEqualTo(200);
            assertThat(released.status()).isEqualTo(204);
            assertThat(afterwards.status()).isEqualTo(400);
        }
    }

    @Test
    void record_times_bound_this_run() {
        assertThat(ask(q("GE_recordTime", capturedFrom.toString()))).hasSize(dataset.size());
        assertThat(ask(q("LT_recordTime", capturedFrom.toString()))).isEmpty();
    }

    // Helpers

    private List<String> ask(Map<String, String> query) {
        return askPaged(query, 1000);
    }

    private List<String> askPaged(Map<String, String> query, int perPage) {
        Map<String, String> paged = new LinkedHashMap<>(query);
        paged.put("perPage", Integer.toString(perPage));
        return epcis().all("regulator", path(paged), "GS1-Extensions", EXTENSIONS).stream()
                .map(event -> event.path("eventID").asString())
                .toList();
    }

    private List<String> times(List<String> ids) {
        Map<String, String> timeOf = new HashMap<>();
        dataset.forEach(sent -> timeOf.put(
                sent.event().path("eventID").asString(),
                sent.event().path("eventTime").asString()));
        return ids.stream()
                .map(id -> OffsetDateTime.parse(timeOf.get(id)).toInstant().toString())
                .toList();
    }

    private String path(Map<String, String> query) {
        StringBuilder path = new StringBuilder("/epcis/events?EQ_t:run=" + run);
        query.forEach((name, value) -> {
            path.append('&').append(EpcisClient.encode(name)).append('=');
            List<String> parts = List.of(value.split("\\|", -1));
            path.append(parts.stream().map(EpcisClient::encode).collect(Collectors.joining("%7C")));
        });
        return path.toString();
    }

    private static Map<String, String> q(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
