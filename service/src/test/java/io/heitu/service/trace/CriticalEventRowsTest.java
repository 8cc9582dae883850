package io.heitu.service.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.service.epcis.CriticalEvent;
import io.heitu.service.epcis.EventStore;
import io.heitu.service.epcis.InMemoryEventStore;
import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.Committed;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.TxProof;
import io.heitu.service.ledger.Verification;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recall report's event rows from the facts the read model keeps ({@code criticalOfLots}, the
 * fast path) are the rows the report read from the EPCIS documents before ({@link DocumentLines} on
 * {@code ofLots}): random events of every shape a partner may send, random lots, windows and limits,
 * quantities withheld as for a lineage-only reader, events stored again and changed, and events
 * stored before the facts were kept (read from their documents until the backfill has filled them).
 */
class CriticalEventRowsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GTIN = "06901234500011";
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final List<String> MSPS = List.of("RiceCoopMSP", "RiceMillMSP", "NobodyMSP");
    private static final List<String> LOCATIONS = List.of("PLOT-7", "MILL-1", "NOWHERE");

    /** Names the ledger knows: products, organisations and locations; others are not on the ledger. */
    private static final class NamingLedger implements Ledger {
        @Override
        public String evaluate(Enrollment actor, String transaction, String requestJson) {
            JsonNode request = JSON.readTree(requestJson);
            ObjectNode answer = JSON.createObjectNode();
            switch (transaction) {
                case "product:Get" ->
                    answer.put("gtin", request.path("gtin").asString())
                            .put("nameZh", "舒兰大米")
                            .put("nameEn", "Shulan rice, \"5 kg\"");
                case "org:Get" -> {
                    String msp = request.path("mspId").asString();
                    if (msp.equals("NobodyMSP")) {
                        throw new IllegalArgumentException("not on the ledger");
                    }
                    answer.put("mspId", msp).put("nameZh", "合作社 " + msp);
                }
                case "location:Get" -> {
                    String id = request.path("id").asString();
                    if (id.equals("NOWHERE")) {
                        throw new IllegalArgumentException("not on the ledger");
                    }
                    answer.put("id", id).put("nameZh", "地点 " + id);
                }
                default -> throw new IllegalArgumentException(transaction);
            }
            return JSON.writeValueAsString(answer);
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
            return "naming";
        }
    }

    private final Lineages lineages = new Lineages(new TraceLedger(new NamingLedger(), JSON), null, JSON);
    private final Enrollment regulator =
            CertificateAuthority.create("RegulatorMSP", "Regulator").enroll("inspector", "regulator");

    @RepeatedTest(12)
    void the_kept_facts_give_the_rows_the_documents_gave(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        InMemoryEventStore.Opened opened = InMemoryEventStore.open(JSON);
        EventStore store = opened.store();
        List<String> pool = lotPool();
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(event(random, i, pool));
        }
        storeInBatches(store, events, random);
        // Some heard of again, some changed (an error declaration added): the facts follow the document.
        List<ObjectNode> again = new ArrayList<>();
        for (ObjectNode stored : events) {
            if (random.nextInt(5) == 0) {
                ObjectNode changed = stored.deepCopy();
                if (random.nextBoolean()) {
                    ((ObjectNode) changed.path("event"))
                            .putObject("errorDeclaration")
                            .put("declarationTime", "2026-12-01T00:00:00Z");
                    ((ObjectNode) changed.path("event")).putArray("quantityList");
                }
                again.add(changed);
            }
        }
        store.putAll(new ArrayList<>(again));
        // An older data directory: some events stored before their facts were kept.
        opened.jdbc()
                .sql("DELETE FROM epcis_critical_lot WHERE MOD(event, 3) = 0")
                .update();
        opened.jdbc()
                .sql("DELETE FROM epcis_critical_event WHERE MOD(id, 3) = 0")
                .update();

        for (int report = 0; report < 8; report++) {
            assertSameRows(store, random);
        }
        while (store.fillCriticalEvents(1 + random.nextInt(40)) > 0) {
            assertSameRows(store, random);
        }
        for (int report = 0; report < 8; report++) {
            assertSameRows(store, random);
        }
    }

    private void assertSameRows(EventStore store, Random random) {
        Map<String, LineageGraph.Node> lots = reportLots(random);
        OffsetDateTime from = START.plusSeconds(random.nextInt(40) * 3_600L).atOffset(ZoneOffset.UTC);
        OffsetDateTime to = from.plusHours(1 + random.nextInt(200));
        int max = random.nextBoolean() ? 200_000 : 1 + random.nextInt(60);
        Set<String> lineageOnly = new HashSet<>();
        Lineages.Names names = lineages.names(regulator);

        List<RecallReport.Row> fromDocuments = new ArrayList<>();
        for (EventStore.Found found : store.ofLots(lots.keySet(), from, to, max)) {
            if (random.nextInt(4) == 0) {
                lineageOnly.add(found.hashId());
            }
            EventStore.Found read = lineageOnly.contains(found.hashId()) ? found.withQuantitiesWithheld() : found;
            fromDocuments.addAll(DocumentLines.rows(read, lots, names));
        }
        List<RecallReport.Row> fromFacts = new ArrayList<>();
        EventLines lines = new EventLines(lots, lineages.names(regulator));
        for (CriticalEvent event : store.criticalOfLots(lots.keySet(), from, to, max)) {
            fromFacts.addAll(lines.rows(lineageOnly.contains(event.hashId()) ? event.withQuantitiesWithheld() : event));
        }

        assertThat(fromFacts).isEqualTo(fromDocuments);
    }

    private static void storeInBatches(EventStore store, List<ObjectNode> events, Random random) {
        List<JsonNode> shuffled = new ArrayList<>(events);
        java.util.Collections.shuffle(shuffled, random);
        for (int from = 0; from < shuffled.size(); from += 25) {
            store.putAll(shuffled.subList(from, Math.min(shuffled.size(), from + 25)));
        }
    }

    private static List<String> lotPool() {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pool.add("https://id.gs1.org/01/" + GTIN + "/10/L-" + i);
        }
        return pool;
    }

    /** Some of the pool's lots, each with a standing, a producer and a depth of its own. */
    private static Map<String, LineageGraph.Node> reportLots(Random random) {
        Map<String, LineageGraph.Node> lots = new LinkedHashMap<>();
        for (String lot : lotPool()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            LotState status = random.nextInt(5) == 0
                    ? LotState.UNVERIFIED
                    : random.nextBoolean() ? LotState.ACTIVE : random.nextBoolean() ? LotState.ON_HOLD : null;
            lots.put(
                    lot,
                    new LineageGraph.Node(
                            lot,
                            GTIN,
                            lot.substring(lot.lastIndexOf('/') + 1),
                            random.nextInt(4),
                            status,
                            random.nextInt(4) == 0 ? null : MSPS.get(random.nextInt(MSPS.size())),
                            null,
                            "harvest",
                            null,
                            null,
                            List.of(),
                            List.of()));
        }
        return lots;
    }

    /** An event as {@code event:Get} answers it, of any shape EPCIS allows a partner. */
    private static ObjectNode event(Random random, int n, List<String> pool) {
        ObjectNode stored = JSON.createObjectNode();
        // Two events at the same instant now and then: the order then goes by hash ID.
        Instant at = START.plusSeconds(3_600L * random.nextInt(48) + 60L * random.nextInt(3));
        stored.put("eventId", String.format("ni:///sha-256;%064x?ver=CBV2.0", n * 7919L + 13));
        stored.put("txId", "tx" + n);
        stored.put("recordedBy", MSPS.get(random.nextInt(2)));
        if (random.nextBoolean()) {
            stored.put("verified", random.nextBoolean());
        }
        if (random.nextInt(6) == 0) {
            stored.put("sourceEventId", "urn:uuid:partner-" + n);
        }
        ObjectNode event = stored.putObject("event");
        event.put("type", random.nextBoolean() ? "ObjectEvent" : "TransformationEvent");
        event.put("action", "OBSERVE");
        ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofHours(8);
        event.put("eventTime", at.atOffset(offset).toString());
        event.put("recordTime", at.plusSeconds(5).toString());
        switch (random.nextInt(4)) {
            case 0 -> event.put("bizStep", "shipping");
            case 1 -> event.put("bizStep", "urn:epcglobal:cbv:bizstep:receiving");
            case 2 -> event.put("bizStep", "https://ref.gs1.org/cbv/BizStep-storing");
            default -> {}
        }
        if (random.nextBoolean()) {
            ArrayNode transactions = event.putArray("bizTransactionList");
            for (int t = random.nextInt(3); t >= 0; t--) {
                ObjectNode transaction = transactions.addObject();
                transaction.put("bizTransaction", "urn:epcglobal:cbv:bt:0614141000005:PO, \"" + t + "\"");
                if (random.nextBoolean()) {
                    transaction.put(
                            "type",
                            random.nextBoolean() ? "urn:epcglobal:cbv:btt:po" : "https://ref.gs1.org/cbv/BTT-desadv");
                }
            }
        }
        for (String list : List.of("sourceList", "destinationList")) {
            if (random.nextInt(3) == 0) {
                ArrayNode parties = event.putArray(list);
                String field = list.equals("sourceList") ? "source" : "destination";
                for (int p = random.nextInt(2); p >= 0; p--) {
                    parties.addObject()
                            .put("type", "urn:epcglobal:cbv:sdt:owning_party")
                            .put(field, party(random));
                }
            }
        }
        if (random.nextBoolean()) {
            event.putObject("bizLocation").put("id", place(random));
        }
        if (random.nextBoolean()) {
            event.putObject("readPoint").put("id", place(random));
        }
        ArrayNode lots = stored.putArray("lots");
        for (String list : CriticalEvent.QUANTITY_LISTS) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            ArrayNode elements = event.putArray(list);
            for (int e = random.nextInt(4); e >= 0; e--) {
                ObjectNode element = elements.addObject();
                String lot = random.nextInt(8) == 0
                        ? "urn:epc:class:lgtin:0690123.450001.L-" + random.nextInt(12)
                        : pool.get(random.nextInt(pool.size()));
                element.put("epcClass", lot);
                if (lot.startsWith("https://")) {
                    lots.add(lot);
                }
                switch (random.nextInt(5)) {
                    case 0 -> element.put("quantity", random.nextInt(1_000));
                    case 1 -> element.put("quantity", new BigDecimal(random.nextInt(100_000) + ".50"));
                    case 2 -> element.put("quantity", 0.0001);
                    case 3 -> element.put("quantity", -12);
                    default -> {}
                }
                if (random.nextBoolean()) {
                    element.put("uom", random.nextBoolean() ? "KGM" : "H87");
                }
            }
        }
        return stored;
    }

    private static String party(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "urn:heitu:org:" + MSPS.get(random.nextInt(MSPS.size()));
            case 1 -> "urn:heitu:loc:" + LOCATIONS.get(random.nextInt(LOCATIONS.size()));
            default -> "https://id.gs1.org/414/0614141000012";
        };
    }

    private static String place(Random random) {
        return random.nextBoolean()
                ? "urn:heitu:loc:" + LOCATIONS.get(random.nextInt(LOCATIONS.size()))
                : "urn:epc:id:sgln:0614141.00777.0";
    }
}
