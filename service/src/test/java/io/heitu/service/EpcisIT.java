package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.epcis.EpcisSchema;
import io.heitu.service.support.Api;
import io.heitu.service.support.ServiceTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EPCIS 2.0 interface end to end: GS1's official example documents captured and queried back
 * with the same meaning (the reference hash IDs, the same fields), our own events exported as
 * schema-valid JSON-LD, and the ledger's rules answering captured events about known lots.
 */
class EpcisIT extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final EpcisSchema SCHEMA = new EpcisSchema();
    private static final JsonNode REFERENCE = resource("reference-hashes.json");
    private static final String BAGS = "06901234500035";
    private static final String PADDY = "06901234500011";
    private static final OffsetDateTime UPSTREAM_BASE = OffsetDateTime.now(ZoneOffset.ofHours(2))
            .minusDays(20)
            .withNano(0)
            .minusSeconds(ThreadLocalRandom.current().nextInt(86_400));

    @Test
    void every_official_example_document_round_trips_through_capture_and_query() {
        Api api = api();
        int captured = 0;
        for (String file : exampleDocuments()) {
            JsonNode document = resource("examples/" + file);
            JsonNode job = captureAndWait(api, "grocer", document.toString(), "rollback");
            assertThat(job.path("success").asBoolean()).as("%s: %s", file, job).isTrue();
            List<String> ids = job.path("results").findValuesAsString("eventID");
            JsonNode reference = REFERENCE.path("examples").path(file);
            if (!reference.isMissingNode()) {
                List<String> expected = new ArrayList<>();
                reference.forEach(hash -> expected.add(hash.asString()));
                assertThat(ids).as(file).containsExactlyElementsOf(expected);
            }
            JsonNode sent = document.at("/epcisBody/eventList");
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                var back = api.get("grocer", "/epcis/events/" + digest(id));
                assertThat(back.status()).as("%s event %d", file, i).isEqualTo(200);
                JsonNode event = back.json();
                assertThat(event.path("eventID").asString()).isEqualTo(id);
                assertThat(SCHEMA.problems(event))
                        .as("%s event %d as exported", file, i)
                        .isEmpty();
                if (!job.path("results").get(i).path("duplicate").asBoolean()) {
                    assertThat(meaning(event)).as("%s event %d", file, i).isEqualTo(meaning(sent.get(i)));
                }
                var queried = api.get("grocer", "/epcis/events?EQ_eventID=" + encode(id));
                assertThat(queried.json()
                                .at("/epcisBody/queryResults/resultsBody/eventList/0/eventID")
                                .asString())
                        .isEqualTo(id);
                captured++;
            }
        }
        assertThat(captured).isGreaterThanOrEqualTo(50);
    }

    @Test
    void our_own_events_export_as_schema_valid_json_ld_with_the_jilin_namespace_declared() {
        var page = api().get(
                        "regulator",
                        "/epcis/events?perPage=1000&MATCH_epcClass="
                                + encode("https://id.gs1.org/01/" + BAGS + "/10/R5-2026-1005"));

        assertThat(page.status()).isEqualTo(200);
        JsonNode document = page.json();
        assertThat(SCHEMA.problems(document)).isEmpty();
        assertThat(document.path("@context").toString()).contains("\"jl\":\"https://ns.heitu.io/jilin/\"");
        JsonNode events = document.at("/epcisBody/queryResults/resultsBody/eventList");
        assertThat(events.size()).isGreaterThan(2);
        assertThat(events.toString()).contains("\"jl:");
    }

    @Nested
    class Query {

        @Test
        void pages_with_per_page_and_a_next_page_token_in_a_link_header() {
            Api api = api();
            var first = api.get("regulator", "/epcis/events?perPage=3");
            assertThat(first.status()).isEqualTo(200);
            String link = first.headers().firstValue("Link").orElseThrow();
            assertThat(link).contains("rel=\"next\"").contains("nextPageToken=");
            String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            var second = api.get("regulator", next.substring(next.indexOf("/epcis/")));
            List<String> one = first.json()
                    .at("/epcisBody/queryResults/resultsBody/eventList")
                    .findValuesAsString("eventID");
            List<String> two = second.json()
                    .at("/epcisBody/queryResults/resultsBody/eventList")
                    .findValuesAsString("eventID");
            assertThat(one).hasSize(3);
            assertThat(two).isNotEmpty().doesNotContainAnyElementsOf(one);
        }

        @Test
        void filters_by_event_type_time_business_step_in_any_cbv_spelling_and_epc_class() {
            Api api = api();
            String lot = encode("https://id.gs1.org/01/" + BAGS + "/10/R5-2026-1005");
            var shipping = api.get(
                    "regulator",
                    "/epcis/events?EQ_bizStep=urn:epcglobal:cbv:bizstep:shipping&MATCH_anyEPCClass=" + lot);
            var transformations = api.get("regulator", "/epcis/events?eventType=TransformationEvent&perPage=100");
            var none = api.get("regulator", "/epcis/events?LT_eventTime=" + encode("2001-01-01T00:00:00+08:00"));

            JsonNode shipped = shipping.json().at("/epcisBody/queryResults/resultsBody/eventList");
            assertThat(shipped.size()).isPositive();
            shipped.forEach(
                    event -> assertThat(event.path("bizStep").asString()).isEqualTo("shipping"));
            transformations
                    .json()
                    .at("/epcisBody/queryResults/resultsBody/eventList")
                    .forEach(event -> assertThat(event.path("type").asString()).isEqualTo("TransformationEvent"));
            assertThat(none.json()
                            .at("/epcisBody/queryResults/resultsBody/eventList")
                            .size())
                    .isZero();
        }

        @Test
        void lists_the_top_level_resources_and_their_events() {
            Api api = api();
            var steps = api.get("regulator", "/epcis/bizSteps");
            var types = api.get("regulator", "/epcis/eventTypes");
            var shipping = api.get("regulator", "/epcis/bizSteps/shipping/events");

            assertThat(steps.json().path("member").toString())
                    .contains("shipping")
                    .contains("receiving");
            assertThat(types.json().path("member").toString())
                    .contains("ObjectEvent")
                    .contains("TransformationEvent");
            assertThat(shipping.json()
                            .at("/epcisBody/queryResults/resultsBody/eventList")
                            .size())
                    .isPositive();
            assertThat(steps.headers().firstValue("GS1-EPCIS-Version")).hasValue("2.0.0");
        }

        @Test
        void refuses_an_unknown_parameter_and_a_bad_token_as_problem_details() {
            var unknown = api().english().get("regulator", "/epcis/events?EQ_colour=red");
            var token = api().get("regulator", "/epcis/events?nextPageToken=xyz");

            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(unknown.code()).isEqualTo("EPCIS_INVALID_QUERY");
            assertThat(token.code()).isEqualTo("EPCIS_INVALID_QUERY");
        }

        @Test
        void needs_an_account() {
            assertThat(api().get(null, "/epcis/events").status()).isEqualTo(401);
        }
    }

    @Nested
    class Capture {

        @Test
        void one_event_is_created_once_and_a_second_capture_is_a_conflict() {
            Api api = api();
            String event = upstreamEvent(1).toString();

            var created = api.raw("grocer", "POST", "/epcis/events", "application/ld+json", bytes(event));
            var again = api.raw("grocer", "POST", "/epcis/events", "application/ld+json", bytes(event));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(created.json().path("verified").asBoolean()).isFalse();
            assertThat(api.get("grocer", location).status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("EPCIS_EVENT_EXISTS");
        }

        @Test
        void a_document_that_breaks_the_schema_is_refused_before_anything_is_captured() {
            ObjectNode document = (ObjectNode) resource("examples/Example_9.6.2-ObjectEvent.jsonld");
            document.remove("schemaVersion");

            var response = api().post("grocer", "/epcis/capture", document.toString());

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("EPCIS_INVALID_DOCUMENT");
            assertThat(response.json().path("reason").asString()).contains("schemaVersion");
        }

        @Test
        void a_shipment_of_a_known_lot_by_an_organisation_that_does_not_hold_it_is_refused_with_the_ledgers_code() {
            Api api = api();
            ObjectNode shipment = shipment(PADDY, "SL2026-0928", "100", "2026-10-10T08:00:00+08:00");

            var single = api.raw("carrier", "POST", "/epcis/events", "application/json", bytes(shipment.toString()));
            JsonNode job = captureAndWait(api, "carrier", document(upstreamEvent(2), shipment), "rollback");
            JsonNode proceeded = captureAndWait(api, "carrier", document(upstreamEvent(3), shipment), "proceed");

            assertThat(single.status()).isEqualTo(403);
            assertThat(single.contentType()).startsWith("application/problem+json");
            assertThat(single.code()).isEqualTo("FORBIDDEN_NOT_OWNER");
            assertThat(job.path("success").asBoolean()).isFalse();
            assertThat(job.at("/errors/0/code").asString()).isEqualTo("FORBIDDEN_NOT_OWNER");
            assertThat(job.at("/errors/0/eventIndex").asInt()).isEqualTo(1);
            assertThat(job.path("results")).isEmpty();
            assertThat(proceeded.path("results")).hasSize(1);
            assertThat(proceeded.at("/errors/0/eventIndex").asInt()).isEqualTo(1);
        }

        @Test
        void a_shipment_by_the_holder_moves_the_quantity_and_is_verified() {
            Api api = api();
            OffsetDateTime harvested =
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(2).truncatedTo(ChronoUnit.HOURS);
            var harvest = api.post(
                    "farmer",
                    "/api/lots/harvests",
                    ApiFlowIT.paddy("EPCIS-H1", 500, harvested.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
            assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
            ObjectNode shipment = shipment(
                    PADDY, "EPCIS-H1", "200", harvested.plusHours(3).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            shipment.putArray("destinationList")
                    .addObject()
                    .put("type", "owning_party")
                    .put("destination", "urn:heitu:org:RiceMillMSP");

            var created = api.raw("farmer", "POST", "/epcis/events", "application/json", bytes(shipment.toString()));

            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().path("verified").asBoolean()).isTrue();
            JsonNode lot = api.get("farmer", "/api/lots/" + PADDY + "/EPCIS-H1").json();
            assertThat(lot.path("holdings").toString()).contains("300");
            assertThat(lot.path("inTransit").toString()).contains("RiceMillMSP").contains("200");
        }
    }

    // Helpers

    private JsonNode captureAndWait(Api api, String user, String document, String behaviour) {
        HttpResponse<String> accepted =
                post(user, "/epcis/capture", document, "GS1-Capture-Error-Behaviour", behaviour);
        if (accepted.statusCode() != 202) {
            throw new AssertionError("capture not accepted: " + accepted.statusCode() + " " + accepted.body());
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = api.get(user, location).json();
            if (!job.path("running").asBoolean()) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("capture job " + location + " did not finish");
    }

    /** A POST with an EPCIS header, which the shared client does not send. */
    private HttpResponse<String> post(String user, String path, String body, String header, String value) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/ld+json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String document(JsonNode... events) {
        ObjectNode document = JSON.createObjectNode();
        document.putArray("@context").add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        document.put("type", "EPCISDocument").put("schemaVersion", "2.0").put("creationDate", "2026-10-12T00:00:00Z");
        var list = document.putObject("epcisBody").putArray("eventList");
        for (JsonNode event : events) {
            ObjectNode copy = ((ObjectNode) event).deepCopy();
            copy.remove("@context");
            list.add(copy);
        }
        return document.toString();
    }

    /**
     * An upstream event of this run's own: its time (and so its hash ID) differs from every earlier
     * run's, so a ledger that outlives a run (a Fabric network) does not hold it already.
     */
    private static ObjectNode upstreamEvent(int minute) {
        String time = UPSTREAM_BASE.plusMinutes(minute).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("@context").add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        event.put("type", "ObjectEvent")
                .put("action", "OBSERVE")
                .put("bizStep", "receiving")
                .put("eventTime", time)
                .put("eventTimeZoneOffset", "+02:00");
        event.putArray("quantityList")
                .addObject()
                .put("epcClass", "urn:epc:class:lgtin:4012345.012345.UP-" + time.substring(8, 10))
                .put("quantity", 20)
                .put("uom", "KGM");
        return event;
    }

    private static ObjectNode shipment(String gtin, String lot, String kilograms, String time) {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("@context").add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        event.put("type", "ObjectEvent")
                .put("action", "OBSERVE")
                .put("bizStep", "shipping")
                .put("disposition", "in_transit")
                .put("eventTime", time)
                .put("eventTimeZoneOffset", "+08:00");
        event.putArray("quantityList")
                .addObject()
                .put("epcClass", "https://id.gs1.org/01/" + gtin + "/10/" + lot)
                .put("quantity", Integer.parseInt(kilograms))
                .put("uom", "KGM");
        event.putArray("destinationList")
                .addObject()
                .put("type", "owning_party")
                .put("destination", "urn:heitu:org:ChangchunMartMSP");
        return event;
    }

    /** An event without what the capturing repository adds or may rewrite. */
    private static JsonNode meaning(JsonNode event) {
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        copy.remove(List.of("eventID", "recordTime", "@context"));
        return JSON.readTree(copy.toString());
    }

    private static List<String> exampleDocuments() {
        try (Stream<Path> files =
                Files.list(Path.of(Objects.requireNonNull(EpcisIT.class.getResource("/epcis/examples"))
                        .toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("EPCISQueryDocument.jsonld"))
                    .sorted()
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode resource(String name) {
        try (InputStream in = EpcisIT.class.getResourceAsStream("/epcis/" + name)) {
            return JSON.readTree(Objects.requireNonNull(in, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(String id) {
        return id.substring(id.indexOf(';') + 1, id.indexOf('?'));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
