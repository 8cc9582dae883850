package io.heitu.service.epcis;

import io.heitu.service.epcis.cbv.Namespaces;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * EPCIS 2.0 JSON-LD as the service writes it: the GS1 context, and the Jilin extension namespace
 * declared beside it, so that {@code jl:} fields of our events are well-defined IRIs.
 */
public final class EpcisDocuments {

    public static final String GS1_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    public static final String JILIN_PREFIX = Namespaces.JILIN_PREFIX;
    public static final String JILIN_NAMESPACE = Namespaces.JILIN_NAMESPACE;

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private EpcisDocuments() {}

    public static ArrayNode context(JsonMapper json) {
        ArrayNode context = json.createArrayNode().add(GS1_CONTEXT);
        context.addObject().put(JILIN_PREFIX, JILIN_NAMESPACE);
        return context;
    }

    /** A query result: {@code EPCISQueryDocument} of a SimpleEventQuery. */
    public static ObjectNode queryDocument(JsonMapper json, List<JsonNode> events) {
        return queryDocument(json, events, "SimpleEventQuery", null);
    }

    /** A query result of a named query, for a subscription when {@code subscriptionId} is given. */
    public static ObjectNode queryDocument(
            JsonMapper json, List<JsonNode> events, String queryName, String subscriptionId) {
        ObjectNode document = json.createObjectNode();
        document.set("@context", context(json));
        document.put("type", "EPCISQueryDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", now());
        ObjectNode results = document.putObject("epcisBody").putObject("queryResults");
        if (subscriptionId != null) {
            results.put("subscriptionID", subscriptionId);
        }
        results.put("queryName", queryName);
        ArrayNode list = results.putObject("resultsBody").putArray("eventList");
        events.forEach(list::add);
        return document;
    }

    /** A standalone event: the schema wants it to carry its own {@code @context}. */
    public static ObjectNode standalone(JsonMapper json, JsonNode event) {
        ObjectNode copy = json.createObjectNode();
        ArrayNode context = context(json);
        JsonNode own = event.get("@context");
        if (own != null) {
            (own.isArray() ? own : json.createArrayNode().add(own)).forEach(entry -> {
                if (!contains(context, entry)) {
                    context.add(entry);
                }
            });
        }
        copy.set("@context", context);
        event.properties().forEach(field -> {
            if (!field.getKey().equals("@context")) {
                copy.set(field.getKey(), field.getValue());
            }
        });
        return copy;
    }

    /** A list for the top-level resources ({@code /eventTypes}, {@code /bizSteps} …). */
    public static ObjectNode collection(JsonMapper json, List<String> members) {
        ObjectNode collection = json.createObjectNode();
        collection.set("@context", context(json));
        collection.put("type", "Collection");
        ArrayNode list = collection.putArray("member");
        members.forEach(list::add);
        return collection;
    }

    private static boolean contains(ArrayNode context, JsonNode entry) {
        for (JsonNode present : context) {
            if (present.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private static String now() {
        return MILLIS.format(OffsetDateTime.now(ZoneOffset.UTC));
    }
}
