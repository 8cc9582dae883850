package io.heitu.chaincode.core;

import java.util.List;

/**
 * The payload of the chaincode event every write emits, so that followers of the ledger (the
 * service's read models) know what changed without reading the whole block.
 */
public record Change(String kind, String id, List<String> lots, String eventId) {

    public Change {
        lots = lots == null ? List.of() : List.copyOf(lots);
    }

    public static Change of(String kind, String id) {
        return new Change(kind, id, List.of(), null);
    }

    public static Change ofEvent(String eventId, List<String> lots) {
        return new Change("event", eventId, lots, eventId);
    }
}
