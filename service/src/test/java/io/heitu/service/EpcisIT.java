package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.epcis.EpcisSchema;
import io.heitu.service.epcis.xml.EpcisXml;
import io.heitu.service.support.EpcisClient;
import io.heitu.service.support.EpcisClient.Answer;
import io.heitu.service.support.JsonLdMeaning;
import io.heitu.service.support.ServiceTest;
import io.heitu.service.support.XmlMeaning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EPCIS 2.0 interface end to end, as a trading partner's client uses it: GS1's official JSON and
 * XML examples captured and read back with their eventIDs and the same meaning, every exported page
 * valid against GS1's schemas, captures all or nothing up to the advertised limits, identifiers in
 * paths in every spelling. Ledger-agnostic: identifiers are unique per run, and an official example
 * captured by an earlier run is simply a duplicate.
 */
class EpcisIT extends ServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EpcisSchema SCHEMA = new EpcisSchema();
    static final EpcisXml XML = new EpcisXml(JSON);
    private static final JsonNode REFERENCE = resource("reference-hashes.json");
    private static final String NEVER_TRANSLATES = "Never_Translates";
    private static final String PADDY = "06901234500011";
    /** The namespace of the tests' own extension field ({@code t:run}), which scopes queries to one run. */
    static final String TEST_NAMESPACE = "https://ns.heitu.io/test/";
    /**
     * Where GS1's XSD and JSON schema disagree (see EpcisXmlTest): events captured in XML may carry
     * these into JSON, and the JSON schema objects to them there alone.
     */
    static final String GS1_SCHEMA_DISAGREEMENTS =
            "property 'persistentDisposition' name is not valid|/sensorReport/\\d+: required property 'type' not found";

    EpcisClient epcis() {
        return new EpcisClient("http://localhost:" + port);
    }

    @Nested
    class RoundTrip {

        @Test
        void every_official_json_example_is_captured_and_read_back_with_its_event_id_and_meaning() {
            EpcisClient epcis = epcis();
            int checked = 0;
            for (String file : files("examples", ".jsonld")) {
                JsonNode document = resource("examples/" + file);
                if (!document.path("type").asString().equals("EPCISDocument")) {
                    continue;
                }
                JsonNode job = epcis.capture("grocer", document);
                assertThat(job.path("success").asBoolean())
                        .as("%s: %s", file, job)
                        .isTrue();
                JsonNode results = job.path("results");
                JsonNode sent = document.at("/epcisBody/eventList");
                List<String> hashes = results.findValuesAsString("hashID");
                JsonNode reference = REFERENCE.path("examples").path(file);
                for (int i = 0; i < sent.size(); i++) {
                    JsonNode result = results.get(i);
                    String given = sent.get(i).path("eventID").asString(null);
                    if (!reference.isMissingNode()) {
                        assertThat(result.path("hashID").asString())
                                .as("%s %d", file, i)
                                .isEqualTo(reference.get(i).asString());
                    }
                    String eventId = result.path("eventID").asString();
                    // An error declaration is added to the event the ledger holds, under that event's ID.
                    boolean declaration = sent.get(i).has("errorDeclaration");
                    if (given != null && !result.path("duplicate").asBoolean() && !declaration) {
                        assertThat(eventId)
                                .as("%s %d keeps its eventID", file, i)
                                .isEqualTo(given);
                    }
                    Answer back = epcis.get(
                            "grocer",
                            "/epcis/events/" + EpcisClient.encode(eventId),
                            "GS1-EPC-Format",
                            NEVER_TRANSLATES);
                    assertThat(back.status()).as("%s %d: %s", file, i, back).isEqualTo(200);
                    assertThat(back.contentType()).startsWith("application/json");
                    assertThat(SCHEMA.problems(back.json()))
                            .as("%s %d as exported", file, i)
                            .isEmpty();
                    // GS1's examples give several events the same eventID: the answer holds them all, and
                    // one of them is this one.
                    back.events()
                            .forEach(exported -> assertThat(
                                            exported.path("eventID").asString())
                                    .isEqualTo(eventId));
                    // An error declaration of the same event, captured before or later in the document,
                    // is added to the event the ledger holds.
                    // A duplicate is the event the ledger held already, in the spelling it came in first
                    // (an EPC URN or its Digital Link, a comment or none): its meaning was checked then.
                    boolean declared = hashes.indexOf(hashes.get(i)) != hashes.lastIndexOf(hashes.get(i));
                    if (!result.path("duplicate").asBoolean()) {
                        String expected = meaning(sent.get(i), document.get("@context"), declared);
                        List<String> found = new ArrayList<>();
                        back.events()
                                .forEach(exported ->
                                        found.add(meaning(exported, back.json().get("@context"), declared)));
                        assertThat(found)
                                .as("%s event %d means the same", file, i)
                                .contains(expected);
                    }
                    for (String id : List.of(eventId, result.path("hashID").asString())) {
                        assertThat(epcis.get("grocer", "/epcis/events?EQ_eventID=" + EpcisClient.encode(id))
                                        .events()
                                        .findValuesAsString("eventID"))
                                .as("EQ_eventID=%s", id)
                                .contains(eventId);
                    }
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(50);
        }

        @Test
        void every_official_xml_document_is_captured_and_read_back_as_xml_with_the_same_meaning() {
            EpcisClient epcis = epcis();
            int checked = 0;
            for (String file : files("xml", ".xml")) {
                byte[] xml = bytes("xml/" + file);
                if (file.startsWith("CaptureJob__")
                        || !new String(xml, StandardCharsets.UTF_8).contains("EPCISDocument ")) {
                    continue;
                }
                JsonNode job = epcis.capture("grocer", xml, "application/xml", "rollback");
                assertThat(job.path("success").asBoolean())
                        .as("%s: %s", file, job)
                        .isTrue();
                List<Element> sent = XmlMeaning.events(xml);
                assertThat(job.path("results")).as(file).hasSize(sent.size());
                List<String> hashes = job.path("results").findValuesAsString("hashID");
                for (int i = 0; i < sent.size(); i++) {
                    JsonNode result = job.path("results").get(i);
                    Answer back = epcis.get(
                            "grocer",
                            "/epcis/events/"
                                    + EpcisClient.encode(result.path("hashID").asString()),
                            "Accept",
                            "application/xml",
                            "GS1-EPC-Format",
                            NEVER_TRANSLATES);
                    assertThat(back.status()).as("%s %d: %s", file, i, back).isEqualTo(200);
                    assertThat(back.contentType()).startsWith("application/xml");
                    assertThat(XML.problems(back.body()))
                            .as("%s %d as exported", file, i)
                            .isEmpty();
                    Element exported = XmlMeaning.events(back.body().getBytes(StandardCharsets.UTF_8))
                            .get(0);
                    boolean declared = hashes.indexOf(hashes.get(i)) != hashes.lastIndexOf(hashes.get(i));
                    if (!result.path("duplicate").asBoolean()) {
                        assertThat(XmlMeaning.of(exported, declared))
                                .as("%s event %d means the same", file, i)
                                .isEqualTo(XmlMeaning.of(sent.get(i), declared));
                    }
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(40);
        }

        @Test
        void gs1s_spellings_of_one_event_in_xml_are_one_event_with_one_hash() {
            EpcisClient epcis = epcis();
            List<String> hashes = new ArrayList<>();
            for (int n : List.of(1, 3, 4, 5, 6)) {
                byte[] xml = bytes("xml/WithEventHashID__event_with_identical_hash_id_" + n + ".xml");
                JsonNode job = epcis.capture("grocer", xml, "application/xml", "rollback");
                hashes.add(job.at("/results/0/hashID").asString());
                if (hashes.size() > 1) {
                    assertThat(job.at("/results/0/duplicate").asBoolean())
                            .as("file %d", n)
                            .isTrue();
                }
            }
            // File 2 writes the same instant in another offset, and eventTimeZoneOffset is part of
            // the CBV 2.0 pre-hash string: the same occurrence recorded differently, another hash.
            JsonNode other = epcis.capture(
                    "grocer",
                    bytes("xml/WithEventHashID__event_with_identical_hash_id_2.xml"),
                    "application/xml",
                    "rollback");

            assertThat(hashes).hasSize(5).containsOnly(hashes.get(0));
            assertThat(other.at("/results/0/hashID").asString()).isNotEqualTo(hashes.get(0));
        }
    }

    @Nested
    class Export {

        @Test
        void every_page_of_every_event_is_valid_against_gs1s_json_schema_and_xsd() {
            EpcisClient epcis = epcis();
            int events = 0;
            for (String next = "/epcis/events?perPage=500"; next != null; ) {
                Answer page = epcis.get("regulator", next);
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                assertThat(SCHEMA.problems(page.json()))
                        .as(next)
                        .allSatisfy(problem -> assertThat(problem).containsPattern(GS1_SCHEMA_DISAGREEMENTS));
                Answer xml = epcis.get("regulator", next, "Accept", "application/xml");
                assertThat(XML.problems(xml.body())).as(next + " as XML").isEmpty();
                events += page.events().size();
                next = page.next();
            }
            assertThat(events).isGreaterThan(20);
        }

        @Test
        void our_own_input_applications_name_their_objects_as_the_schema_wants() {
            Answer page = epcis().get(
                            "regulator",
                            "/epcis/events?EQ_bizStep="
                                    + EpcisClient.encode("https://ns.heitu.io/jilin/bizstep/input_application"));

            assertThat(page.events().size()).isPositive();
            assertThat(SCHEMA.problems(page.json())).isEmpty();
            page.events().forEach(event -> assertThat(event.has("epcList")).isTrue());
        }
    }

    @Nested
    class Capture {

        @Test
        void a_document_of_150_events_with_one_refused_leaves_nothing_under_rollback() {
            String run = UUID.randomUUID().toString();
            ObjectNode document = document(upstream(run, 150));
            ((ArrayNode) document.at("/epcisBody/eventList")).set(119, shipment(PADDY, "SL2026-0928", 100));

            JsonNode job = epcis().capture("carrier", JSON.writeValueAsBytes(document), EpcisClient.LD, "rollback");

            assertThat(job.path("success").asBoolean()).isFalse();
            assertThat(job.at("/errors/0/code").asString()).isEqualTo("FORBIDDEN_NOT_OWNER");
            assertThat(job.at("/errors/0/eventIndex").asInt()).isEqualTo(119);
            assertThat(job.path("results")).isEmpty();
            assertThat(ofRun(epcis(), "carrier", run)).isEmpty();
        }

        @Test
        void proceed_captures_every_good_event_and_reports_the_refused_one() {
            String run = UUID.randomUUID().toString();
            ObjectNode document = document(upstream(run, 150));
            ((ArrayNode) document.at("/epcisBody/eventList")).set(119, shipment(PADDY, "SL2026-0928", 100));

            JsonNode job = epcis().capture("carrier", JSON.writeValueAsBytes(document), EpcisClient.LD, "proceed");

            assertThat(job.path("success").asBoolean()).isFalse();
            assertThat(job.path("errors")).hasSize(1);
            assertThat(job.at("/errors/0/eventIndex").asInt()).isEqualTo(119);
            assertThat(job.path("results")).hasSize(149);
            assertThat(ofRun(epcis(), "carrier", run)).hasSize(149);
        }

        @Test
        void a_document_beyond_the_capture_limit_is_refused_with_413_and_the_limits() {
            EpcisClient epcis = epcis();
            int limit = Integer.parseInt(epcis.send("grocer", "OPTIONS", "/epcis/capture", null, null)
                    .header("GS1-EPCIS-Capture-Limit"));
            Answer refused = epcis.send(
                    "grocer",
                    "POST",
                    "/epcis/capture",
                    EpcisClient.LD,
                    JSON.writeValueAsBytes(document(upstream(UUID.randomUUID().toString(), limit + 1))));

            assertThat(limit).isEqualTo(500);
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asString())
                    .isEqualTo("epcisException:CaptureLimitExceededException");
            assertThat(refused.header("GS1-EPCIS-Capture-Limit")).isEqualTo("500");
            assertThat(refused.header("GS1-EPCIS-Capture-File-Size-Limit")).isEqualTo("1048576");
        }

        @Test
        void a_document_beyond_the_file_size_limit_is_413_whether_or_not_its_length_is_declared() throws Exception {
            byte[] big = ("{\"padding\":\"" + "x".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            Answer declared = epcis().send("grocer", "POST", "/epcis/capture", EpcisClient.LD, big);
            HttpResponse<String> chunked = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/epcis/capture"))
                                    .header("Authorization", basic("grocer"))
                                    .header("Content-Type", EpcisClient.LD)
                                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(declared.status()).isEqualTo(413);
            assertThat(declared.json().path("type").asString())
                    .isEqualTo("epcisException:CaptureLimitExceededException");
            assertThat(chunked.statusCode()).isEqualTo(413);
            assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }

        @Test
        void a_body_in_an_unsupported_media_type_is_415_never_a_server_error() {
            EpcisClient epcis = epcis();
            for (String type : List.of(
                    "multipart/form-data",
                    "multipart/form-data; boundary=",
                    "text/plain",
                    "application/x-www-form-urlencoded")) {
                for (String path : List.of("/epcis/capture", "/epcis/events", "/epcis/queries")) {
                    Answer answer = epcis.send("grocer", "POST", path, type, "x".getBytes(StandardCharsets.UTF_8));
                    assertThat(answer.status())
                            .as("%s %s: %s", type, path, answer)
                            .isEqualTo(415);
                    assertThat(answer.json().path("type").asString())
                            .isEqualTo("epcisException:UnsupportedMediaTypeException");
                }
            }
            Answer api = epcis.send("farmer", "POST", "/api/lots/harvests", "multipart/form-data", new byte[] {'x'});
            assertThat(api.status()).isLessThan(500);
        }

        @Test
        void one_event_is_created_once_under_its_own_event_id_and_a_second_capture_is_a_conflict() {
            EpcisClient epcis = epcis();
            ObjectNode event =
                    withContext(upstream(UUID.randomUUID().toString(), 1).get(0));

            Answer created =
                    epcis.send("grocer", "POST", "/epcis/events", EpcisClient.LD, JSON.writeValueAsBytes(event));
            Answer again = epcis.send("grocer", "POST", "/epcis/events", EpcisClient.LD, JSON.writeValueAsBytes(event));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("eventID").asString())
                    .isEqualTo(event.path("eventID").asString());
            assertThat(created.header("Location"))
                    .isEqualTo("/epcis/events/"
                            + EpcisClient.encode(event.path("eventID").asString()));
            assertThat(epcis.get("grocer", created.header("Location")).status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("type").asString()).isEqualTo("epcisException:ResourceAlreadyExistsException");
            assertThat(again.json().path("code").asString()).isEqualTo("EPCIS_EVENT_EXISTS");
        }

        @Test
        void a_partners_event_ids_are_kept_and_its_corrective_events_are_found_by_them() {
            EpcisClient epcis = epcis();
            String run = UUID.randomUUID().toString();
            List<ObjectNode> events = upstream(run, 2);
            String wrong = events.get(0).path("eventID").asString();
            String corrective = events.get(1).path("eventID").asString();
            ObjectNode declaration = events.get(0).deepCopy();
            declaration
                    .putObject("errorDeclaration")
                    .put("declarationTime", "2026-09-02T08:00:00+02:00")
                    .put("reason", "incorrect_data")
                    .putArray("correctiveEventIDs")
                    .add(corrective);
            epcis.capture("grocer", document(events));

            JsonNode job = epcis.capture("grocer", document(List.of(declaration)));
            List<JsonNode> declared =
                    epcis.all("grocer", "/epcis/events?EQ_correctiveEventID=" + EpcisClient.encode(corrective));

            assertThat(job.path("success").asBoolean()).as(job.toString()).isTrue();
            assertThat(declared).hasSize(1);
            assertThat(declared.get(0).path("eventID").asString()).isEqualTo(wrong);
            assertThat(declared.get(0).at("/errorDeclaration/reason").asString())
                    .isEqualTo("incorrect_data");
            assertThat(epcis.get("grocer", "/epcis/events/" + EpcisClient.encode(corrective))
                            .events()
                            .get(0)
                            .path("eventID")
                            .asString())
                    .isEqualTo(corrective);
        }

        @Test
        void a_shipment_of_a_known_lot_by_an_organisation_that_does_not_hold_it_is_refused_with_the_ledgers_code() {
            Answer single = epcis().send(
                            "carrier",
                            "POST",
                            "/epcis/events",
                            EpcisClient.LD,
                            JSON.writeValueAsBytes(withContext(shipment(PADDY, "SL2026-0928", 100))));

            assertThat(single.status()).isEqualTo(403);
            assertThat(single.contentType()).startsWith("application/problem+json");
            assertThat(single.json().path("type").asString()).isEqualTo("epcisException:SecurityException");
            assertThat(single.json().path("code").asString()).isEqualTo("FORBIDDEN_NOT_OWNER");
        }

        @Test
        void a_shipment_by_the_holder_moves_the_quantity_and_is_verified() {
            var api = api();
            String lot = "EPCIS-" + UUID.randomUUID().toString().substring(0, 8);
            OffsetDateTime harvested =
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(2).truncatedTo(ChronoUnit.HOURS);
            var harvest = api.post(
                    "farmer",
                    "/api/lots/harvests",
                    ApiFlowIT.paddy(lot, 500, harvested.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
            assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
            ObjectNode shipment = shipment(PADDY, lot, 200);
            shipment.put("eventTime", harvested.plusHours(3).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            ((ObjectNode) shipment.at("/destinationList/0")).put("destination", "urn:heitu:org:RiceMillMSP");

            Answer created = epcis().send(
                            "farmer",
                            "POST",
                            "/epcis/events",
                            EpcisClient.LD,
                            JSON.writeValueAsBytes(withContext(shipment)));

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.header("Heitu-Verified")).isEqualTo("true");
            JsonNode lotNow =
                    api.get("farmer", "/api/lots/" + PADDY + "/" + lot).json();
            assertThat(lotNow.path("holdings").toString()).contains("300");
            assertThat(lotNow.path("inTransit").toString())
                    .contains("RiceMillMSP")
                    .contains("200");
        }
    }

    @Nested
    class Identifiers {

        @Test
        void event_ids_and_identifiers_in_paths_work_percent_encoded_in_every_spelling() {
            EpcisClient epcis = epcis();
            String run = UUID.randomUUID().toString();
            List<ObjectNode> events = upstream(run, 1);
            events.get(0).putObject("readPoint").put("id", "urn:epc:id:sgln:4012345.00001." + run.substring(0, 8));
            events.get(0).putArray("epcList").add("urn:epc:id:sgtin:4012345.011111." + run.substring(0, 8));
            JsonNode job = epcis.capture("grocer", document(events));
            String hash = job.at("/results/0/hashID").asString();
            String uuid = job.at("/results/0/eventID").asString();
            String digitalLink = "https://id.gs1.org/01/04012345111118/21/" + run.substring(0, 8);
            String readPointLink = "https://example.com/414/4012345000016/254/" + run.substring(0, 8);

            for (String path : List.of(
                    "/epcis/events/" + EpcisClient.encode(hash),
                    "/epcis/events/" + EpcisClient.encode(uuid),
                    "/epcis/epcs/" + EpcisClient.encode(digitalLink) + "/events",
                    "/epcis/epcs/" + EpcisClient.encode("urn:epc:id:sgtin:4012345.011111." + run.substring(0, 8))
                            + "/events",
                    "/epcis/epcs/" + EpcisClient.encode(digitalLink),
                    "/epcis/readPoints/" + EpcisClient.encode(readPointLink) + "/events",
                    "/epcis/readPoints/" + EpcisClient.encode("urn:epc:id:sgln:4012345.00001." + run.substring(0, 8))
                            + "/events")) {
                Answer answer = epcis.get("grocer", path);
                assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
                assertThat(answer.contentType()).startsWith("application/json");
                if (path.endsWith("/events") || path.startsWith("/epcis/events/")) {
                    assertThat(answer.events().findValuesAsString("eventID"))
                            .as(path)
                            .contains(uuid);
                }
            }
        }

        @Test
        void an_unknown_member_is_a_problem_document_never_the_containers_html() {
            EpcisClient epcis = epcis();
            for (String path : List.of(
                    "/epcis/events/" + EpcisClient.encode("ni:///sha-256;" + "0".repeat(64) + "?ver=CBV2.0"),
                    "/epcis/events/" + EpcisClient.encode("urn:uuid:" + UUID.randomUUID()),
                    "/epcis/epcs/" + EpcisClient.encode("https://id.gs1.org/01/09999999999999/21/%25x"),
                    "/epcis/bizSteps/" + EpcisClient.encode("https://example.com/a;b/c?d=e") + "/events/x")) {
                Answer answer = epcis.get("grocer", path);
                assertThat(answer.status()).as(path).isEqualTo(404);
                assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
                assertThat(answer.json().path("type").asString()).isEqualTo("epcisException:NoSuchNameException");
            }
        }

        @Test
        void epcs_are_written_as_the_client_asks() {
            EpcisClient epcis = epcis();
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<ObjectNode> events = upstream(run, 1);
            events.get(0).putArray("epcList").add("urn:epc:id:sgtin:4012345.011111." + run);
            String uuid = epcis.capture("grocer", document(events))
                    .at("/results/0/eventID")
                    .asString();
            String path = "/epcis/events/" + EpcisClient.encode(uuid);

            assertThat(epcis.get("grocer", path).events().at("/0/epcList/0").asString())
                    .isEqualTo("https://id.gs1.org/01/04012345111118/21/" + run);
            assertThat(epcis.get("grocer", path, "GS1-EPC-Format", "Always_EPC_URN")
                            .events()
                            .at("/0/epcList/0")
                            .asString())
                    .isEqualTo("urn:epc:id:sgtin:4012345.011111." + run);
            assertThat(epcis.get("grocer", path, "GS1-EPC-Format", "Never_Translates")
                            .events()
                            .at("/0/epcList/0")
                            .asString())
                    .isEqualTo("urn:epc:id:sgtin:4012345.011111." + run);
        }
    }

    @Nested
    class Negotiation {

        @Test
        void answers_xml_json_or_406_as_accepted_and_cbv_values_as_asked() {
            EpcisClient epcis = epcis();
            Answer xml = epcis.get(
                    "regulator",
                    "/epcis/events?perPage=5&EQ_bizStep=shipping",
                    "Accept",
                    "application/xml",
                    "GS1-CBV-XML-Format",
                    "Always_Web_URI");
            Answer csv = epcis.get("regulator", "/epcis/events", "Accept", "text/csv");

            assertThat(xml.contentType()).startsWith("application/xml");
            assertThat(xml.body()).contains("https://ref.gs1.org/cbv/BizStep-shipping");
            assertThat(XML.problems(xml.body())).isEmpty();
            assertThat(csv.status()).isEqualTo(406);
            assertThat(csv.json().path("type").asString()).isEqualTo("epcisException:NotAcceptableException");
        }

        @Test
        void a_client_wanting_another_epcis_or_cbv_version_is_told_406_and_2_0_0_is_accepted() {
            EpcisClient epcis = epcis();
            for (String[] headers : List.of(
                    new String[] {"GS1-EPCIS-Version", "1.2"},
                    new String[] {"GS1-CBV-Version", "1.2.0"},
                    new String[] {"GS1-EPCIS-Min", "2.1.0"},
                    new String[] {"GS1-CBV-Max", "1.2"})) {
                Answer answer = epcis.get("regulator", "/epcis/events", headers);
                assertThat(answer.status()).as(headers[0]).isEqualTo(406);
                assertThat(answer.header("GS1-EPCIS-Version")).isEqualTo("2.0.0");
            }
            assertThat(epcis.get(
                                    "regulator",
                                    "/epcis/events",
                                    "GS1-EPCIS-Version",
                                    "2.0.0",
                                    "GS1-EPCIS-Min",
                                    "1.2",
                                    "GS1-EPCIS-Max",
                                    "2.0")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void options_answers_204_with_the_methods_and_discovery_headers_of_every_resource() {
            EpcisClient epcis = epcis();
            Map<String, String> expected = Map.of(
                    "/epcis/", "OPTIONS, GET",
                    "/epcis/capture", "OPTIONS, POST, GET",
                    "/epcis/events", "OPTIONS, GET, POST",
                    "/epcis/events/x", "OPTIONS, GET",
                    "/epcis/bizSteps/shipping/events", "OPTIONS, GET",
                    "/epcis/queries", "OPTIONS, GET, POST",
                    "/epcis/queries/q", "OPTIONS, GET, DELETE",
                    "/epcis/queries/q/subscriptions/s", "OPTIONS, DELETE, GET");
            expected.forEach((path, allow) -> {
                Answer answer = epcis.send("grocer", "OPTIONS", path, null, null);
                assertThat(answer.status()).as(path).isEqualTo(204);
                assertThat(answer.header("Allow")).as(path).isEqualTo(allow);
                assertThat(answer.header("GS1-EPCIS-Max")).isEqualTo("2.0.0");
                assertThat(answer.header("GS1-CBV-Min")).isEqualTo("2.0.0");
            });
            assertThat(epcis.send("grocer", "OPTIONS", "/epcis/capture", null, null)
                            .header("GS1-Capture-Error-Behaviour"))
                    .isEqualTo("all");
        }
    }

    // Helpers

    /** The meaning of an event (JSON-LD to canonical RDF; GS1's own unreadable example structurally). */
    static String meaning(JsonNode event, JsonNode context, boolean hashedContentOnly) {
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        if (hashedContentOnly) {
            // What the CBV 2.0 hash leaves out may differ between an event and the one the ledger
            // holds under the same hash: an error declaration added later, a comment.
            copy.remove(List.of("errorDeclaration", "rdfs:comment", "comment"));
        }
        Optional<String> rdf = JsonLdMeaning.of(copy, context);
        if (rdf.isPresent()) {
            return rdf.get();
        }
        copy.remove(List.of("eventID", "recordTime", "@context"));
        return sorted(copy).toString();
    }

    /** A JSON value with every object's keys in order: the same content, the same text. */
    static JsonNode sorted(JsonNode value) {
        if (value.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            new java.util.TreeMap<String, JsonNode>(value.propertyStream()
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .forEach((key, member) -> out.set(key, sorted(member)));
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            value.forEach(member -> out.add(sorted(member)));
            return out;
        }
        return value;
    }

    /** Events about lots of a foreign company prefix, unique to one run: upstream, unverified. */
    static List<ObjectNode> upstream(String run, int count) {
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode event = JSON.createObjectNode();
            event.put("type", "ObjectEvent")
                    .put("eventID", "urn:uuid:" + UUID.randomUUID())
                    .put("action", "OBSERVE")
                    .put("bizStep", "receiving")
                    .put("eventTime", "2026-09-01T08:00:00+02:00")
                    .put("eventTimeZoneOffset", "+02:00")
                    .put("t:run", run);
            event.putArray("quantityList")
                    .addObject()
                    .put("epcClass", "urn:epc:class:lgtin:4012345.012345." + lotOf(run, i))
                    .put("quantity", 20)
                    .put("uom", "KGM");
            events.add(event);
        }
        return events;
    }

    static String lotOf(String run, int i) {
        return run.substring(0, 8) + "-" + i;
    }

    /** The events of one run: every upstream event carries the run in an extension field. */
    static List<JsonNode> ofRun(EpcisClient epcis, String user, String run) {
        return epcis.all(user, "/epcis/events?perPage=200&EQ_t:run=" + run, "GS1-Extensions", "t=" + TEST_NAMESPACE);
    }

    static ObjectNode shipment(String gtin, String lot, int kilograms) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "ObjectEvent")
                .put("action", "OBSERVE")
                .put("bizStep", "shipping")
                .put("disposition", "in_transit")
                .put("eventTime", "2026-10-10T08:00:00+08:00")
                .put("eventTimeZoneOffset", "+08:00");
        event.putArray("quantityList")
                .addObject()
                .put("epcClass", "https://id.gs1.org/01/" + gtin + "/10/" + lot)
                .put("quantity", kilograms)
                .put("uom", "KGM");
        event.putArray("destinationList")
                .addObject()
                .put("type", "owning_party")
                .put("destination", "urn:heitu:org:ChangchunMartMSP");
        return event;
    }

    static ObjectNode withContext(ObjectNode event) {
        ArrayNode context =
                event.putArray("@context").add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        context.addObject().put("t", TEST_NAMESPACE);
        return event;
    }

    static ObjectNode document(List<? extends JsonNode> events) {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode context =
                document.putArray("@context").add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        context.addObject().put("t", TEST_NAMESPACE);
        document.put("type", "EPCISDocument").put("schemaVersion", "2.0").put("creationDate", "2026-10-12T00:00:00Z");
        ArrayNode list = document.putObject("epcisBody").putArray("eventList");
        events.forEach(list::add);
        return document;
    }

    static List<String> files(String folder, String suffix) {
        try (Stream<Path> files =
                Files.list(Path.of(Objects.requireNonNull(EpcisIT.class.getResource("/epcis/" + folder))
                        .toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode resource(String name) {
        return JSON.readTree(bytes(name));
    }

    static byte[] bytes(String name) {
        try (InputStream in = EpcisIT.class.getResourceAsStream("/epcis/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":heitu-demo").getBytes(StandardCharsets.UTF_8));
    }
}
