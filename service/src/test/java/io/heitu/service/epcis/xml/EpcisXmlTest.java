package io.heitu.service.epcis.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.service.epcis.EpcisSchema;
import io.heitu.service.epcis.cbv.CbvFormat;
import io.heitu.service.problem.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EpcisXmlTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EpcisXml XML = new EpcisXml(JSON);
    private static final EpcisSchema SCHEMA = new EpcisSchema();

    static Stream<String> documents() throws IOException, URISyntaxException {
        try (Stream<Path> files =
                Files.list(Path.of(Objects.requireNonNull(EpcisXmlTest.class.getResource("/epcis/xml"))
                        .toURI()))) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith("CaptureJob__"))
                    .filter(name -> new String(bytes("xml/" + name), StandardCharsets.UTF_8).contains("EPCISDocument "))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    static Stream<String> jsonDocuments() throws IOException, URISyntaxException {
        try (Stream<Path> files =
                Files.list(Path.of(Objects.requireNonNull(EpcisXmlTest.class.getResource("/epcis/examples"))
                        .toURI()))) {
            return files
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("EPCISQueryDocument.jsonld"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /**
     * Where GS1's two schemas disagree, the XML binding's XSD allows what the JSON schema does not:
     * a persistentDisposition on an AggregationEvent, and a sensorReport without a type. The XML
     * documents are valid (their binding's schema); their JSON-LD says the same, and only the JSON
     * schema objects, there and nowhere else.
     */
    private static final java.util.Map<String, String> GS1_SCHEMA_DISAGREEMENTS = java.util.Map.of(
            "Example-PersistentDisposition.xml",
            "property 'persistentDisposition' name is not valid",
            "WithSensorData__SensorDataExamples.xml",
            "/sensorReport/0: required property 'type' not found|"
                    + "/sensorReport/1: required property 'type' not found");

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void reads_every_official_xml_document_as_a_schema_valid_json_ld_document(String file) {
        JsonNode document = XML.readDocument(bytes("xml/" + file));

        List<String> problems = SCHEMA.problems(document);
        String allowed = GS1_SCHEMA_DISAGREEMENTS.get(file);
        if (allowed == null) {
            assertThat(problems).as(file).isEmpty();
        } else {
            assertThat(problems)
                    .as(file)
                    .isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem).containsPattern(allowed));
        }
        assertThat(document.at("/epcisBody/eventList").size())
                .isEqualTo(count(new String(bytes("xml/" + file), StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonDocuments")
    void writes_every_official_json_example_as_xml_valid_against_the_xsd(String file) {
        List<JsonNode> events = new ArrayList<>();
        JsonNode document = JSON.readTree(bytes("examples/" + file));
        for (JsonNode event : document.at("/epcisBody/eventList")) {
            var copy = ((tools.jackson.databind.node.ObjectNode) event).deepCopy();
            if (!copy.has("@context") && document.has("@context")) {
                copy.set("@context", document.get("@context"));
            }
            events.add(copy);
        }

        for (CbvFormat format : CbvFormat.values()) {
            String xml = XML.queryDocument(events, "SimpleEventQuery", null, format);
            assertThat(XML.problems(xml)).as("%s as %s:%n%s", file, format, xml).isEmpty();
        }
    }

    @Test
    void refuses_what_is_not_valid_against_the_xsd_and_says_where() {
        String broken = new String(bytes("xml/Example_9.6.1-ObjectEvent-2020_06_18a.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<action>", "<colour>red</colour><action>");

        assertThatThrownBy(() -> XML.readDocument(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("line")
                .hasMessageContaining("colour");
    }

    @Test
    void never_reads_an_external_entity() {
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0"
                    creationDate="2020-01-01T00:00:00Z"><EPCISBody><EventList><ObjectEvent>
                    <eventTime>2020-01-01T00:00:00Z</eventTime><eventTimeZoneOffset>+00:00</eventTimeZoneOffset>
                    <epcList><epc>&secret;</epc></epcList><action>OBSERVE</action>
                </ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>""";

        JsonNode read = XML.readDocument(hostile.getBytes(StandardCharsets.UTF_8));

        assertThat(read.toString()).doesNotContain("root:");
    }

    private static int count(String xml) {
        int events = 0;
        for (String type : List.of(
                "ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent")) {
            events += xml.split("<" + type + "[ >]", -1).length - 1;
        }
        return events;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = EpcisXmlTest.class.getResourceAsStream("/epcis/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
