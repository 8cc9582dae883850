package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.Change;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The event store. An event's ID is its CBV 2.0 event hash, so recording the same event twice finds
 * it already there: the second call changes nothing and says so.
 */
public final class Events {

    static final String TYPE = "event";
    static final String BY_LOT = "event~lot";
    /** {@code party~gtin~lotCode~mspId}: an organisation recorded an event on the lot (read access). */
    public static final String PARTY = "party";

    private Events() {}

    /** The CBV 2.0 event hash ID ({@code ni:///sha-256;…?ver=CBV2.0}) of an event we built. */
    public static String idOf(ObjectNode event) {
        return EventHash.of(event, Jilin.prefixes());
    }

    /**
     * Records an event unless it is already on the ledger. {@code effects} (quantities, statuses,
     * lineage) run only for a new event, after the duplicate check and before the event is stored;
     * they receive the event's ID.
     */
    public static Recorded record(Tx tx, ObjectNode event, List<LotRef> lots, Consumer<String> effects) {
        String eventId = idOf(event);
        if (tx.exists(key(tx, eventId))) {
            requireNotRecordedHere(tx, eventId);
            return new Recorded(eventId, true, lotIds(lots));
        }
        effects.accept(eventId);
        store(tx, eventId, event, lots, null, null);
        return new Recorded(eventId, false, lotIds(lots));
    }

    /**
     * An event from another system's EPCIS document, under the hash its document's namespace
     * {@code prefixes} give it. Recording it again is a duplicate, except that an error declaration
     * (which the hash leaves out) is added to the event it declares erroneous.
     */
    public static Recorded capture(Tx tx, Captured captured, Map<String, String> prefixes, Consumer<String> effects) {
        String eventId = EventHash.of(captured.event(), prefixes);
        String key = key(tx, eventId);
        List<String> lotIds = lotIds(captured.lots());
        var existing = tx.read(key, StoredEvent.class);
        if (existing.isPresent()) {
            JsonNode declaration = captured.event().get("errorDeclaration");
            if (declaration == null || existing.get().event().has("errorDeclaration")) {
                if (declaration == null) {
                    requireNotRecordedHere(tx, eventId);
                }
                return new Recorded(eventId, true, lotIds);
            }
            StoredEvent stored = existing.get();
            if (!stored.recordedBy().equals(tx.caller().mspId())) {
                throw new TraceException(
                        ErrorCode.FORBIDDEN_NOT_OWNER,
                        "event " + eventId + " was recorded by " + stored.recordedBy()
                                + ", who alone may declare it erroneous");
            }
            ObjectNode amended = stored.event().deepCopy();
            amended.set("errorDeclaration", declaration);
            tx.put(
                    key,
                    new StoredEvent(
                            eventId,
                            amended,
                            stored.recordedBy(),
                            stored.recordedByRole(),
                            stored.txId(),
                            stored.lots(),
                            stored.verified(),
                            stored.sourceEventId()));
            tx.emit("EventRecorded", Change.ofEvent(eventId, stored.lots()));
            return new Recorded(eventId, false, stored.lots());
        }
        effects.accept(eventId);
        String given = captured.event().path("eventID").asText(null);
        store(
                tx,
                eventId,
                captured.stored(),
                captured.lots(),
                captured.verified(),
                eventId.equals(given) ? null : given);
        return new Recorded(eventId, false, lotIds);
    }

    /**
     * The same event twice in one transaction is two business steps that happen to have equal
     * fields, never a retry: recording one of them silently would lose the other's quantities.
     */
    private static void requireNotRecordedHere(Tx tx, String eventId) {
        if (tx.wroteHere(key(tx, eventId))) {
            throw new TraceException(
                    ErrorCode.DUPLICATE_EVENT,
                    "the request records event " + eventId + " twice: give each its own line number"
                            + " or business transaction");
        }
    }

    private static void store(
            Tx tx, String eventId, ObjectNode event, List<LotRef> lots, Boolean verified, String sourceEventId) {
        ObjectNode stored = event.deepCopy();
        stored.put("eventID", eventId);
        stored.put("recordTime", Times.format(tx.time()));
        List<String> lotIds = lotIds(lots);
        tx.put(
                key(tx, eventId),
                new StoredEvent(
                        eventId,
                        stored,
                        tx.caller().mspId(),
                        tx.caller().role().word(),
                        tx.txId(),
                        lotIds,
                        verified,
                        sourceEventId));
        String eventTime =
                Times.format(Times.parse("eventTime", event.get("eventTime").asText()));
        for (LotRef lot : new TreeSet<>(lots)) {
            tx.put(tx.key(BY_LOT, lot.gtin(), lot.lotCode(), eventTime, digest(eventId)), new byte[] {'1'});
            tx.put(tx.key(PARTY, lot.gtin(), lot.lotCode(), tx.caller().mspId()), new byte[] {'1'});
        }
        tx.emit("EventRecorded", Change.ofEvent(eventId, lotIds));
    }

    public static StoredEvent get(Tx tx, String eventId) {
        return find(tx, eventId)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.EVENT_NOT_FOUND, "event " + Texts.clip(eventId) + " is not on the ledger"));
    }

    public static Optional<StoredEvent> find(Tx tx, String eventId) {
        if (eventId == null || !eventId.startsWith("ni:///sha-256;") || eventId.length() > 120) {
            throw Texts.invalid("eventId must be an event hash ID ni:///sha-256;…");
        }
        return tx.read(key(tx, eventId), StoredEvent.class);
    }

    /** A lot's events in time order, a page at a time. */
    public static Page<StoredEvent> ofLot(Tx tx, LotRef lot, Integer pageSize, String bookmark) {
        Page<Row> rows = tx.page(Page.size(pageSize), bookmark, BY_LOT, lot.gtin(), lot.lotCode());
        List<StoredEvent> events = new ArrayList<>();
        for (Row row : rows.items()) {
            events.add(tx.get(
                    tx.key(TYPE, row.attribute(3)),
                    StoredEvent.class,
                    () -> new TraceException(ErrorCode.INTERNAL_ERROR, "event index points at a missing event")));
        }
        return new Page<>(events, rows.bookmark());
    }

    /** The hex digest inside a hash ID: the key under which the event is stored. */
    public static String digest(String eventId) {
        int start = eventId.indexOf(';') + 1;
        int end = eventId.indexOf('?');
        return eventId.substring(start, end < 0 ? eventId.length() : end);
    }

    private static String key(Tx tx, String eventId) {
        return tx.key(TYPE, digest(eventId));
    }

    private static List<String> lotIds(List<LotRef> lots) {
        return lots.stream().map(LotRef::epcClass).distinct().toList();
    }
}
