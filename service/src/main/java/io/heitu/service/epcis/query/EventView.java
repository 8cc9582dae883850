package io.heitu.service.epcis.query;

import io.heitu.service.epcis.cbv.Namespaces;
import io.heitu.service.epcis.identifier.Identifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An event of the read model as a query condition sees it: the exported event, its namespace
 * prefixes (so extension fields compare by IRI), and its identifiers in canonical form.
 */
public final class EventView {

    private final JsonNode event;
    private final String hashId;
    private final Map<String, String> prefixes;
    private final Map<String, List<String>> identifiers = new HashMap<>();

    public EventView(JsonNode event, String hashId) {
        this.event = event;
        this.hashId = hashId;
        this.prefixes = Namespaces.of(event);
    }

    public JsonNode event() {
        return event;
    }

    public String hashId() {
        return hashId;
    }

    public String eventId() {
        return event.path("eventID").asString(null);
    }

    public String type() {
        return event.path("type").asString("");
    }

    public Map<String, String> prefixes() {
        return prefixes;
    }

    /** The IRI of a field name or vocabulary value of this event (its own prefixes expanded). */
    public String expand(String name) {
        return Namespaces.expand(name, prefixes);
    }

    /** Identifiers of one list or field ({@code epcList}, {@code parentID}, {@code quantityList} …), canonical. */
    public List<String> identifiers(String field) {
        return identifiers.computeIfAbsent(field, this::read);
    }

    private List<String> read(String field) {
        List<String> ids = new ArrayList<>();
        JsonNode value = event.path(field);
        if (field.endsWith("QuantityList") || field.equals("quantityList")) {
            value.forEach(element -> add(ids, element.path("epcClass")));
        } else if (value.isArray()) {
            value.forEach(id -> add(ids, id));
        } else {
            add(ids, value);
        }
        return ids;
    }

    private static void add(List<String> ids, JsonNode id) {
        if (id.isString()) {
            ids.add(Identifiers.canonical(id.asString()));
        }
    }
}
