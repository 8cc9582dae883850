package io.heitu.chaincode.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.support.Result;
import io.heitu.chaincode.support.World;
import io.heitu.identity.Enrollment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The wire contract between the service and the chaincode, pinned by golden files in
 * {@code src/test/resources/wire}: each names a transaction, the request JSON the service sends and
 * the JSON the chaincode answers (or the stable error code it refuses with). The service's own test
 * reads the same files. Replayed in order on a fresh ledger; {@code -Dwire.regenerate=true}
 * rewrites the answers after a deliberate change of the contract.
 */
class WireContractTest {

    static final Path FIXTURES = Path.of("src/test/resources/wire");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void every_golden_request_gets_exactly_its_golden_answer() throws IOException {
        World world = World.standard();
        Map<String, Enrollment> users = Map.of(
                "farmer", world.farmer,
                "miller", world.miller,
                "grocer", world.grocer,
                "carrier", world.carrier,
                "inspector", world.inspector,
                "regulator", world.regulator,
                "admin", world.admin);
        boolean regenerate = Boolean.getBoolean("wire.regenerate");
        List<Path> files;
        try (Stream<Path> listing = Files.list(FIXTURES)) {
            files = listing.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            ObjectNode fixture = (ObjectNode) MAPPER.readTree(file.toFile());
            String transaction = fixture.path("transaction").asText();
            Result result = world.ledger.submit(
                    users.get(fixture.path("as").asText()),
                    transaction,
                    MAPPER.writeValueAsString(fixture.get("request")));
            JsonNode answer = result.ok()
                    ? MAPPER.readTree(result.payload())
                    : MAPPER.createObjectNode().put("error", result.code());
            if (regenerate) {
                fixture.set("response", answer);
                Files.writeString(file, MAPPER.writeValueAsString(fixture) + "\n", StandardCharsets.UTF_8);
            } else {
                assertThat(answer).as("answer to %s", file.getFileName()).isEqualTo(fixture.get("response"));
            }
        }
    }
}
