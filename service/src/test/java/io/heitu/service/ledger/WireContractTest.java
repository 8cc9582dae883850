package io.heitu.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.service.api.Answers;
import io.heitu.service.problem.ProblemCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's side of the golden wire files the chaincode's WireContractTest replays
 * ({@code chaincode/src/test/resources/wire}): for each, the typed wrapper sends exactly that
 * transaction name and request JSON, and understands exactly that answer or refusal.
 */
class WireContractTest {

    private static final Path FIXTURES = Path.of("..", "chaincode", "src", "test", "resources", "wire");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A ledger that records what the wrapper sends and answers from the golden file. */
    static final class GoldenLedger implements Ledger {
        String transaction;
        JsonNode request;
        JsonNode response;

        @Override
        public Committed submit(Enrollment actor, String name, String json) {
            record(name, json);
            return new Committed(answer(), "tx", 1, "hash");
        }

        @Override
        public String evaluate(Enrollment actor, String name, String json) {
            record(name, json);
            return answer();
        }

        private void record(String name, String json) {
            transaction = name;
            request = JSON.readTree(json);
        }

        private String answer() {
            if (response.has("error")) {
                throw new LedgerException.Rejected(response.path("error").asString(), "golden refusal");
            }
            return JSON.writeValueAsString(response);
        }

        @Override
        public AutoCloseable follow(long afterBlock, Consumer<BlockEvents> listener) {
            return () -> {};
        }

        @Override
        public Optional<TxProof> proof(String txId) {
            return Optional.empty();
        }

        @Override
        public Verification verify() {
            return new Verification(true, 0, 0, null, null);
        }

        @Override
        public String kind() {
            return "golden";
        }
    }

    private static Map<String, BiFunction<TraceLedger, JsonNode, Object>> calls(Enrollment actor) {
        return Map.ofEntries(
                Map.entry(
                        "org:Get",
                        (t, r) -> t.organisationJson(actor, r.path("mspId").asString())),
                Map.entry(
                        "product:Get",
                        (t, r) -> t.productJson(actor, r.path("gtin").asString())),
                Map.entry(
                        "location:Get",
                        (t, r) -> t.locationJson(actor, r.path("id").asString())),
                Map.entry("event:ApplyInput", (t, r) -> t.applyInput(actor, r)),
                Map.entry("lot:Commission", (t, r) -> t.commission(actor, r)),
                Map.entry("inspection:IssueCommitment", (t, r) -> t.issueCommitment(actor, r)),
                Map.entry("event:Ship", (t, r) -> t.ship(actor, r)),
                Map.entry("event:Receive", (t, r) -> t.receive(actor, r)),
                Map.entry("event:Transform", (t, r) -> t.transform(actor, r)),
                Map.entry("inspection:RecordLabResult", (t, r) -> t.labResult(actor, r)),
                Map.entry("inspection:Grade", (t, r) -> t.grade(actor, r)),
                Map.entry("event:Observe", (t, r) -> t.observe(actor, r)),
                Map.entry("event:Capture", (t, r) -> t.capture(actor, r)),
                Map.entry(
                        "event:GetMany",
                        (t, r) -> t.eventsJson(
                                actor,
                                r.path("eventIds")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList())),
                Map.entry(
                        "lot:Get",
                        (t, r) -> t.lotJson(
                                actor,
                                r.path("gtin").asString(),
                                r.path("lotCode").asString())),
                Map.entry("lot:Lineage", (t, r) -> t.lineageJson(actor, r)),
                Map.entry("inspection:Ranking", (t, r) -> t.rankingJson(actor, r)),
                Map.entry("lot:Recall", (t, r) -> t.recall(actor, r)),
                Map.entry("evidence:Attach", (t, r) -> t.attachEvidence(actor, r)),
                Map.entry(
                        "evidence:List",
                        (t, r) -> t.evidenceJson(
                                actor,
                                r.path("gtin").asString(),
                                r.path("lotCode").asString(null))));
    }

    @Test
    void the_wrapper_sends_every_golden_request_and_reads_every_golden_answer() throws IOException {
        Enrollment actor = CertificateAuthority.create("TestMSP", "Test").enroll("tester", "producer");
        var calls = calls(actor);
        List<Path> files;
        try (Stream<Path> listing = Files.list(FIXTURES)) {
            files = listing.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            JsonNode fixture = JSON.readTree(file.toFile());
            GoldenLedger golden = new GoldenLedger();
            golden.response = fixture.path("response");
            TraceLedger wrapper = new TraceLedger(golden, JSON);
            String transaction = fixture.path("transaction").asString();
            assertThat(calls).as("a wrapper call for %s", transaction).containsKey(transaction);
            try {
                Object answer = calls.get(transaction).apply(wrapper, fixture.path("request"));
                if (answer instanceof Receipt<?> committed) {
                    int status = Answers.committed(committed).getStatusCode().value();
                    assertThat(status)
                            .isEqualTo(fixture.at("/response/duplicate").asBoolean() ? 200 : 201);
                } else {
                    assertThat(JSON.readTree((String) answer)).isEqualTo(fixture.path("response"));
                }
                assertThat(fixture.path("response").has("error"))
                        .as("%s should have been refused", file)
                        .isFalse();
            } catch (LedgerException.Rejected refused) {
                assertThat(refused.code())
                        .isEqualTo(fixture.at("/response/error").asString());
                assertThat(ProblemCode.status(refused.code()).is4xxClientError())
                        .isTrue();
            }
            assertThat(golden.transaction).as("transaction of %s", file).isEqualTo(transaction);
            assertThat(golden.request).as("request of %s", file).isEqualTo(fixture.path("request"));
        }
    }
}
