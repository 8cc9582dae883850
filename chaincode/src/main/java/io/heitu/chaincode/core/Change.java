package io.heitu.chaincode.core;

import java.util.List;

/**
 * The payload of the chaincode event every write emits, so that followers of the ledger (the
 * service's read models) know what changed without reading the whole block. A transaction that
 * records several EPCIS events names them all in {@code events}.
 */
public record Change(String kind, String id, List<String> lots, String eventId, List<String> events) {

    public Change {
        lots = lots == null ? List.of() : List.copyOf(lots);
        events = events == null || events.isEmpty() ? null : List.copyOf(events);
    }

    public Change(String kind, String id, List<String> lots, String eventId) {
        this(kind, id, lots, eventId, null);
    }

    public static Change of(String kind, String id) {
        return new Change(kind, id, List.of(), null);
    }

    public static Change ofEvent(String eventId, List<String> lots) {
        return new Change("event", eventId, lots, eventId);
    }
}
