package io.heitu.service.epcis;

import io.heitu.service.epcis.cbv.Namespaces;
import io.heitu.service.epcis.cbv.Vocabulary;
import io.heitu.service.epcis.identifier.Identifiers;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an event as the ledger stores it ({@code event:Get}) into a row of the read model. Read by
 * JSON path on purpose: the stored EPCIS event is an open JSON-LD document (other systems' events,
 * any extension) that the read model indexes and serves as the document itself.
 */
final class EventRows {

    /** Identifier fields of the read model and the event fields they come from. */
    static final Map<String, String> ID_FIELDS = Map.of(
            "epc", "epcList",
            "child", "childEPCs",
            "input", "inputEPCList",
            "output", "outputEPCList");

    private EventRows() {}

    static EventRow of(JsonNode stored) {
        JsonNode event = stored.path("event");
        String eventId = stored.path("eventId").asString();
        String sourceEventId = text(stored.path("sourceEventId"));
        ObjectNode body = Exports.body(event, eventId, sourceEventId);
        Map<String, String> prefixes = Namespaces.of(body);
        return new EventRow(
                digest(eventId),
                eventId,
                sourceEventId,
                event.path("type").asString(),
                text(event.path("action")),
                OffsetDateTime.parse(event.path("eventTime").asString()),
                OffsetDateTime.parse(event.path("recordTime").asString()),
                Namespaces.expand(Vocabulary.BIZ_STEP.word(text(event.path("bizStep"))), prefixes),
                Namespaces.expand(Vocabulary.DISPOSITION.word(text(event.path("disposition"))), prefixes),
                bounded(Identifiers.canonical(text(event.at("/readPoint/id")))),
                bounded(Identifiers.canonical(text(event.at("/bizLocation/id")))),
                !stored.has("verified") || stored.path("verified").asBoolean(),
                stored.path("recordedBy").asString(),
                stored.path("txId").asString(),
                ids(event, stored.path("lots")),
                body);
    }

    /** The hex digest of a CBV 2.0 hash ID. */
    static String digest(String eventId) {
        int start = eventId.indexOf(';') + 1;
        int end = eventId.indexOf('?');
        return eventId.substring(start, end < 0 ? eventId.length() : end);
    }

    private static List<EventRow.Id> ids(JsonNode event, JsonNode lots) {
        Set<EventRow.Id> ids = new LinkedHashSet<>();
        ID_FIELDS.forEach((field, list) -> add(ids, field, event.path(list)));
        String parent = text(event.path("parentID"));
        if (parent != null) {
            add(ids, "parent", Identifiers.canonical(parent));
        }
        classes(ids, "class", event.path("quantityList"));
        classes(ids, "class", event.path("childQuantityList"));
        classes(ids, "inputClass", event.path("inputQuantityList"));
        classes(ids, "outputClass", event.path("outputQuantityList"));
        for (JsonNode lot : lots) {
            add(ids, "lot", text(lot));
        }
        return new ArrayList<>(ids);
    }

    private static void add(Set<EventRow.Id> ids, String field, JsonNode list) {
        for (JsonNode id : list) {
            String text = text(id);
            if (text != null) {
                add(ids, field, Identifiers.canonical(text));
            }
        }
    }

    private static void add(Set<EventRow.Id> ids, String field, String canonical) {
        if (canonical != null && canonical.length() <= 512) {
            ids.add(new EventRow.Id(field, canonical));
        }
    }

    private static void classes(Set<EventRow.Id> ids, String field, JsonNode quantities) {
        for (JsonNode element : quantities) {
            String text = text(element.path("epcClass"));
            if (text != null) {
                add(ids, field, Identifiers.canonical(text));
            }
        }
    }

    private static String bounded(String value) {
        return value == null || value.length() > 512 ? null : value;
    }

    static String text(JsonNode node) {
        return node == null || !node.isString() ? null : node.asString().strip();
    }
}
