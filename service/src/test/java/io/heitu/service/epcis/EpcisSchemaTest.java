package io.heitu.service.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
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
import tools.jackson.databind.node.ObjectNode;

class EpcisSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EpcisSchema SCHEMA = new EpcisSchema();

    static Stream<String> examples() throws IOException, URISyntaxException {
        try (Stream<Path> files =
                Files.list(Path.of(Objects.requireNonNull(EpcisSchemaTest.class.getResource("/epcis/examples"))
                        .toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void accepts_every_official_example(String file) {
        assertThat(SCHEMA.problems(resource(file))).isEmpty();
    }

    @Test
    void says_what_is_wrong_with_a_broken_document() {
        ObjectNode document = (ObjectNode) resource("Example_9.6.1-ObjectEvent.jsonld");
        document.remove("creationDate");
        ((ObjectNode) document.at("/epcisBody/eventList/0")).put("eventTimeZoneOffset", "+25:00");

        assertThat(SCHEMA.problems(document))
                .anySatisfy(problem -> assertThat(problem).contains("creationDate"))
                .anySatisfy(problem -> assertThat(problem).contains("eventTimeZoneOffset"));
    }

    @Test
    void a_query_document_of_the_examples_events_and_each_as_a_standalone_event_is_valid() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String file : examples().toList()) {
            JsonNode document = resource(file);
            if (document.path("type").asString().equals("EPCISDocument")) {
                document.at("/epcisBody/eventList").forEach(events::add);
            }
        }

        assertThat(SCHEMA.problems(EpcisDocuments.queryDocument(JSON, events))).isEmpty();
        for (JsonNode event : events) {
            assertThat(SCHEMA.problems(EpcisDocuments.standalone(JSON, event))).isEmpty();
        }
    }

    private static JsonNode resource(String file) {
        try (InputStream in = EpcisSchemaTest.class.getResourceAsStream("/epcis/examples/" + file)) {
            return JSON.readTree(Objects.requireNonNull(in, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
