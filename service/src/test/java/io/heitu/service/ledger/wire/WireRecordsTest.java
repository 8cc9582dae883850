package io.heitu.service.ledger.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.Committed;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.TxProof;
import io.heitu.service.ledger.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The typed side of the golden wire files ({@code chaincode/src/test/resources/wire}): every golden
 * answer decodes into its record, and the record holds every field of the answer with the same
 * value, but for the few the service deliberately ignores. A field renamed on either side fails here.
 */
class WireRecordsTest {

    private static final Path FIXTURES = Path.of("..", "chaincode", "src", "test", "resources", "wire");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Answer fields no feature reads: a plot's geometry, a commitment's promises, a revocation. */
    private static final Set<String> IGNORED = Set.of("geo", "commitment", "revocation");

    private static final class Golden implements Ledger {
        JsonNode response;

        @Override
        public Committed submit(Enrollment actor, String transaction, String requestJson) {
            return new Committed(answer(), "tx", 1, "hash");
        }

        @Override
        public String evaluate(Enrollment actor, String transaction, String requestJson) {
            return answer();
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

    private static Map<String, BiFunction<TraceLedger, JsonNode, Object>> typed(Enrollment actor) {
        return Map.ofEntries(
                Map.entry(
                        "org:Get",
                        (t, r) -> t.organisation(actor, r.path("mspId").asString())),
                Map.entry(
                        "product:Get", (t, r) -> t.product(actor, r.path("gtin").asString())),
                Map.entry(
                        "location:Get", (t, r) -> t.location(actor, r.path("id").asString())),
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
                        (t, r) -> t.events(
                                actor,
                                r.path("eventIds")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList())),
                Map.entry(
                        "lot:Get",
                        (t, r) -> t.lot(
                                actor,
                                r.path("gtin").asString(),
                                r.path("lotCode").asString())),
                Map.entry("lot:Lineage", (t, r) -> t.lineage(actor, r)),
                Map.entry("inspection:Ranking", (t, r) -> t.ranking(actor, r)),
                Map.entry("lot:Recall", (t, r) -> t.recall(actor, r)),
                Map.entry("evidence:Attach", (t, r) -> t.attachEvidence(actor, r)),
                Map.entry(
                        "evidence:List",
                        (t, r) -> t.evidence(
                                actor,
                                r.path("gtin").asString(),
                                r.path("lotCode").asString(null))));
    }

    @Test
    void every_golden_answer_decodes_into_a_record_holding_all_of_it() throws IOException {
        Enrollment actor = CertificateAuthority.create("TestMSP", "Test").enroll("tester", "producer");
        var calls = typed(actor);
        List<Path> files;
        try (Stream<Path> listing = Files.list(FIXTURES)) {
            files = listing.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        int decoded = 0;
        for (Path file : files) {
            JsonNode fixture = JSON.readTree(file.toFile());
            Golden golden = new Golden();
            golden.response = fixture.path("response");
            TraceLedger wrapper = new TraceLedger(golden, JSON);
            var call = calls.get(fixture.path("transaction").asString());
            assertThat(call).as("a typed call for %s", file).isNotNull();
            if (golden.response.has("error")) {
                assertThatThrownBy(() -> call.apply(wrapper, fixture.path("request")))
                        .isInstanceOf(LedgerException.Rejected.class);
                continue;
            }
            Object answer = call.apply(wrapper, fixture.path("request"));
            Object record = answer instanceof Receipt<?> receipt ? receipt.answer() : answer;
            assertHolds(JSON.valueToTree(record), golden.response, file.getFileName() + ":");
            decoded++;
        }
        assertThat(decoded).isGreaterThan(15);
    }

    @Test
    void a_commission_request_says_exactly_what_the_golden_requests_say() throws IOException {
        int pinned = 0;
        try (Stream<Path> listing = Files.list(FIXTURES)) {
            for (Path file : listing.filter(path -> path.toString().endsWith("lot-Commission.json"))
                    .toList()) {
                JsonNode request = JSON.readTree(file.toFile()).path("request");
                JsonNode again = JSON.valueToTree(JSON.treeToValue(request, Commission.class));
                assertHolds(again, request, file.getFileName() + ":");
                assertHolds(request, again, file.getFileName() + " (back):");
                pinned++;
            }
        }
        assertThat(pinned).isGreaterThan(0);
    }

    @Test
    void lot_states_are_the_chaincode_words() {
        for (LotState state : LotState.values()) {
            assertThat(LotState.of(state.word())).isEqualTo(state);
        }
        assertThat(LotState.ON_HOLD.word()).isEqualTo("on_hold");
    }

    @Test
    void a_receipt_is_a_duplicate_only_when_the_ledger_held_everything_already() {
        Receipt<Recorded> fresh = new Receipt<>(new Recorded("e", false, List.of(), null), "{}", "tx", 1, "h");
        Receipt<Recorded> again = new Receipt<>(new Recorded("e", true, List.of(), null), "{}", "tx", 1, "h");
        Receipt<Recordings> mixed =
                new Receipt<>(new Recordings(List.of(again.answer(), fresh.answer())), "{}", "tx", 1, "h");
        Receipt<Recordings> all =
                new Receipt<>(new Recordings(List.of(again.answer(), again.answer())), "{}", "tx", 1, "h");
        assertThat(fresh.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(mixed.duplicate()).isFalse();
        assertThat(all.duplicate()).isTrue();
    }

    @Test
    void every_page_is_read_until_the_bookmark_runs_out() {
        List<String> asked = new ArrayList<>();
        List<Integer> all = Page.all(2, bookmark -> {
            asked.add(bookmark);
            return switch (bookmark) {
                case "" -> new Page<>(List.of(1, 2), "b1");
                case "b1" -> new Page<>(List.of(3, 4), "b2");
                default -> new Page<>(List.of(5), "b3");
            };
        });
        assertThat(all).containsExactly(1, 2, 3, 4, 5);
        assertThat(asked).containsExactly("", "b1", "b2");
    }

    /** Every field of {@code golden} is in {@code record} with the same value (numbers by value). */
    private static void assertHolds(JsonNode record, JsonNode golden, String at) {
        if (golden.isObject()) {
            assertThat(record.isObject()).as(at).isTrue();
            for (Iterator<String> names = golden.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                if (IGNORED.contains(name)) {
                    continue;
                }
                assertThat(record.has(name)).as("%s%s is decoded", at, name).isTrue();
                assertHolds(record.get(name), golden.get(name), at + name + ".");
            }
        } else if (golden.isArray()) {
            assertThat(record.isArray()).as(at).isTrue();
            assertThat(record.size()).as(at).isEqualTo(golden.size());
            for (int i = 0; i < golden.size(); i++) {
                assertHolds(record.get(i), golden.get(i), at + i + ".");
            }
        } else if (golden.isNumber()) {
            assertThat(record.isNumber()).as(at).isTrue();
            assertThat(record.decimalValue()).as(at).isEqualByComparingTo(golden.decimalValue());
        } else {
            assertThat(record).as(at).isEqualTo(golden);
        }
    }
}
