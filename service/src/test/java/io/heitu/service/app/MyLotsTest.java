package io.heitu.service.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.service.epcis.EventStore;
import io.heitu.service.epcis.InMemoryEventStore;
import io.heitu.service.graph.GraphLineages;
import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.Committed;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.TxProof;
import io.heitu.service.ledger.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboards read every page of what the ledger lists: more organisations, lots and events than
 * one page of {@value MyLots#PAGE} holds, as a province's ledger soon has.
 */
class MyLotsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MILL = "RiceMillMSP";
    private static final String GTIN = "06901234500035";
    private static final int ORGANISATIONS = 205;
    private static final int LOTS = 250;
    private static final int EVENTS_OF_FIRST_LOT = MyLots.PAGE + 1;

    /** A ledger that lists in pages of the size asked for, as the chaincode does. */
    private static final class PagedLedger implements Ledger {
        final List<String> asked = new ArrayList<>();

        @Override
        public String evaluate(Enrollment actor, String transaction, String requestJson) {
            JsonNode request = JSON.readTree(requestJson);
            asked.add(transaction);
            return switch (transaction) {
                case "org:List" ->
                    page(
                            request,
                            ORGANISATIONS,
                            i -> JSON.createObjectNode()
                                    .put("mspId", "Org" + i + "MSP")
                                    .put("nameZh", "合作社" + i));
                case "product:List" ->
                    page(
                            request,
                            1,
                            i -> JSON.createObjectNode()
                                    .put("gtin", GTIN)
                                    .put("nameZh", "舒兰大米")
                                    .put("ownerMsp", MILL)
                                    .put("inspectionRequired", false));
                case "lot:List" ->
                    request.path("produced").asBoolean()
                            ? page(request, 0, i -> JSON.createObjectNode())
                            : page(request, LOTS, MyLotsTest::lot);
                default -> throw new IllegalArgumentException(transaction);
            };
        }

        /** Items {@code from .. total} of the query's page: the bookmark is the next item's index. */
        private static String page(JsonNode request, int total, java.util.function.IntFunction<ObjectNode> item) {
            int size = request.path("pageSize").asInt(50);
            int from = request.path("bookmark").asString("").isEmpty()
                    ? 0
                    : Integer.parseInt(request.path("bookmark").asString());
            ObjectNode page = JSON.createObjectNode();
            ArrayNode items = page.putArray("items");
            for (int i = from; i < Math.min(total, from + size); i++) {
                items.add(item.apply(i));
            }
            page.put("bookmark", from + size < total ? Integer.toString(from + size) : "");
            return JSON.writeValueAsString(page);
        }

        @Override
        public Committed submit(Enrollment actor, String transaction, String requestJson) {
            throw new UnsupportedOperationException();
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
            return "paged";
        }
    }

    private static ObjectNode lot(int i) {
        ObjectNode view = JSON.createObjectNode().put("state", "active");
        view.putObject("lot")
                .put("gtin", GTIN)
                .put("lotCode", "L" + i)
                .putObject("provenance")
                .put("producerMsp", MILL);
        view.putObject("remaining").put("value", 10).put("uom", "H87");
        view.putArray("holdings")
                .addObject()
                .put("mspId", MILL)
                .putObject("quantity")
                .put("value", 10)
                .put("uom", "H87");
        return view;
    }

    /** The n-th event of a lot, an hour after the one before. */
    private static ObjectNode event(int n) {
        ObjectNode item = JSON.createObjectNode().put("eventId", "e" + n).put("recordedBy", MILL);
        item.putObject("event")
                .put("bizStep", "shipping")
                .put(
                        "eventTime",
                        java.time.Instant.parse("2026-10-01T00:00:00Z")
                                .plusSeconds(3600L * n)
                                .toString());
        return item;
    }

    private final PagedLedger ledger = new PagedLedger();
    private final TraceLedger trace = new TraceLedger(ledger, JSON);
    private final Directory directory = new Directory(trace, JSON);
    private final EventStore events = InMemoryEventStore.create(JSON);
    /** No lineage graph: only the regulator's overview asks it, and these lists are a member's. */
    private final MyLots myLots =
            new MyLots(trace, null, events, directory, new Wording(new StaticMessageSource(), new Units()), JSON);

    private final Enrollment miller = CertificateAuthority.create(MILL, "Mill").enroll("miller", "processor");

    @Test
    void the_directory_lists_every_organisation_not_only_the_first_page() {
        assertThat(directory.organisations(miller)).hasSize(ORGANISATIONS);
        assertThat(ledger.asked).containsExactly("org:List", "org:List");
    }

    @Test
    void my_lots_lists_every_lot_held_and_each_lots_latest_step_from_the_epcis_read_model_at_once() {
        List<JsonNode> stored = new ArrayList<>();
        for (int n = 0; n < EVENTS_OF_FIRST_LOT; n++) {
            stored.add(storedEvent(n, "L0"));
        }
        stored.add(storedEvent(EVENTS_OF_FIRST_LOT, "L1"));
        java.util.Collections.shuffle(stored, new java.util.Random(7));
        events.putAll(stored);

        List<LotRow> rows = myLots.of(miller, MILL, "processor");

        assertThat(rows).hasSize(LOTS);
        assertThat(latestAt(rows, "L0")).isEqualTo(time(EVENTS_OF_FIRST_LOT - 1));
        assertThat(latestAt(rows, "L1")).isEqualTo(time(EVENTS_OF_FIRST_LOT));
        assertThat(latestAt(rows, "L2")).as("no event yet").isEmpty();
        assertThat(rows.get(0).lotCode()).as("newest step first").isEqualTo("L1");
        assertThat(ledger.asked).as("no question per lot").doesNotContain("lot:Events");
    }

    private static String latestAt(List<LotRow> rows, String lotCode) {
        return rows.stream()
                .filter(row -> row.lotCode().equals(lotCode))
                .findFirst()
                .orElseThrow()
                .latestAt();
    }

    private static String time(int n) {
        return event(n).path("event").path("eventTime").asString();
    }

    /** The n-th event as {@code event:Get} answers it, naming one lot. */
    private static ObjectNode storedEvent(int n, String lotCode) {
        ObjectNode stored = event(n);
        stored.put("eventId", String.format("ni:///sha-256;%064x?ver=CBV2.0", n + 1));
        stored.put("txId", "tx" + n);
        ObjectNode body = (ObjectNode) stored.path("event");
        body.put("type", "ObjectEvent").put("action", "OBSERVE").put("recordTime", time(n));
        body.putArray("quantityList").addObject().put("epcClass", GraphLineages.lotUri(GTIN, lotCode));
        stored.putArray("lots").add(GraphLineages.lotUri(GTIN, lotCode));
        return stored;
    }
}
