package io.heitu.service.epcis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event as the ledger stores it ({@code event:Get}) into a row of the read model. Read by
 * JSON path on purpose: the stored EPCIS event is an open JSON-LD document (other systems' events,
 * any extension) that the read model indexes and serves as the document itself.
 */
final class EventRows {

    private EventRows() {}

    static EventRow of(JsonNode stored) {
        JsonNode event = stored.path("event");
        String eventId = stored.path("eventId").asString();
        return new EventRow(
                digest(eventId),
                eventId,
                text(stored.path("sourceEventId")),
                event.path("type").asString(),
                text(event.path("action")),
                OffsetDateTime.parse(event.path("eventTime").asString()),
                OffsetDateTime.parse(event.path("recordTime").asString()),
                Cbv.bizStep(text(event.path("bizStep"))),
                Cbv.disposition(text(event.path("disposition"))),
                text(event.at("/readPoint/id")),
                text(event.at("/bizLocation/id")),
                !stored.has("verified") || stored.path("verified").asBoolean(),
                stored.path("recordedBy").asString(),
                stored.path("txId").asString(),
                ids(event, stored.path("lots")),
                event);
    }

    /** The hex digest of a CBV 2.0 hash ID. */
    static String digest(String eventId) {
        int start = eventId.indexOf(';') + 1;
        int end = eventId.indexOf('?');
        return eventId.substring(start, end < 0 ? eventId.length() : end);
    }

    private static List<EventRow.Id> ids(JsonNode event, JsonNode lots) {
        Set<EventRow.Id> ids = new LinkedHashSet<>();
        add(ids, "epc", event.path("epcList"));
        add(ids, "child", event.path("childEPCs"));
        add(ids, "input", event.path("inputEPCList"));
        add(ids, "output", event.path("outputEPCList"));
        String parent = text(event.path("parentID"));
        if (parent != null) {
            ids.add(new EventRow.Id("parent", parent));
        }
        classes(ids, "class", event.path("quantityList"));
        classes(ids, "class", event.path("childQuantityList"));
        classes(ids, "inputClass", event.path("inputQuantityList"));
        classes(ids, "outputClass", event.path("outputQuantityList"));
        add(ids, "lot", lots);
        return new ArrayList<>(ids);
    }

    private static void add(Set<EventRow.Id> ids, String field, JsonNode list) {
        for (JsonNode id : list) {
            String text = text(id);
            if (text != null && text.length() <= 512) {
                ids.add(new EventRow.Id(field, text));
            }
        }
    }

    private static void classes(Set<EventRow.Id> ids, String field, JsonNode quantities) {
        for (JsonNode element : quantities) {
            String text = text(element.path("epcClass"));
            if (text != null && text.length() <= 512) {
                ids.add(new EventRow.Id(field, text));
            }
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() ? null : node.asString().strip();
    }
}
