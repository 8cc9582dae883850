package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Times;
import java.time.Instant;

/**
 * Builds one EPCIS 2.0 event in JSON-LD form. Field names are the standard's; Jilin-specific fields
 * go under the {@link Jilin} prefix. The codec sorts keys, so the order of calls does not matter.
 */
public final class EventBuilder {

    private final ObjectNode event = Json.object();

    private EventBuilder(String type, Instant time, String offset) {
        event.put("type", type);
        event.put("eventTime", Times.format(time));
        event.put("eventTimeZoneOffset", offset);
    }

    public static EventBuilder objectEvent(String action, Instant time, String offset) {
        return new EventBuilder("ObjectEvent", time, offset).put("action", action);
    }

    public static EventBuilder aggregationEvent(String action, Instant time, String offset) {
        return new EventBuilder("AggregationEvent", time, offset).put("action", action);
    }

    public static EventBuilder transformationEvent(Instant time, String offset) {
        return new EventBuilder("TransformationEvent", time, offset);
    }

    public EventBuilder bizStep(BizStep step) {
        return put("bizStep", step.word());
    }

    /** A business step outside CBV, as a URI in our namespace. */
    public EventBuilder bizStep(String uri) {
        return put("bizStep", uri);
    }

    public EventBuilder disposition(Disposition disposition) {
        return disposition == null ? this : put("disposition", disposition.word());
    }

    public EventBuilder readPoint(String uri) {
        if (uri != null) {
            event.putObject("readPoint").put("id", uri);
        }
        return this;
    }

    public EventBuilder bizLocation(String uri) {
        if (uri != null) {
            event.putObject("bizLocation").put("id", uri);
        }
        return this;
    }

    public EventBuilder parentId(String uri) {
        return put("parentID", uri);
    }

    /** Adds a lot to {@code quantityList}, {@code inputQuantityList}, {@code outputQuantityList} … */
    public EventBuilder quantity(String list, String epcClass, Quantity quantity) {
        ObjectNode element = array(list).addObject();
        element.put("epcClass", epcClass);
        element.put("quantity", quantity.value());
        element.put("uom", quantity.uom().code());
        return this;
    }

    /** Names a lot in a quantity list without a quantity (an observation of the whole lot). */
    public EventBuilder lotClass(String list, String epcClass) {
        array(list).addObject().put("epcClass", epcClass);
        return this;
    }

    public EventBuilder source(String type, String id) {
        array("sourceList").addObject().put("type", type).put("source", id);
        return this;
    }

    public EventBuilder destination(String type, String id) {
        array("destinationList").addObject().put("type", type).put("destination", id);
        return this;
    }

    public EventBuilder bizTransaction(String type, String id) {
        array("bizTransactionList").addObject().put("type", type).put("bizTransaction", id);
        return this;
    }

    public EventBuilder ilmd(String field, JsonNode value) {
        if (value != null && !value.isNull()) {
            ObjectNode ilmd = event.has("ilmd") ? (ObjectNode) event.get("ilmd") : event.putObject("ilmd");
            ilmd.set(field, value);
        }
        return this;
    }

    public EventBuilder sensorElement(JsonNode element) {
        array("sensorElementList").add(element);
        return this;
    }

    /** A top-level extension field, {@code jl:<name>}. */
    public EventBuilder extension(String name, JsonNode value) {
        if (value != null && !value.isNull()) {
            event.set(Jilin.field(name), value);
        }
        return this;
    }

    public EventBuilder extension(String name, String value) {
        return value == null ? this : put(Jilin.field(name), value);
    }

    /**
     * The line of the request, document or import that recorded the event: two business steps with
     * equal fields (two sales of one bag at the same minute) stay two events.
     */
    public EventBuilder line(Integer line) {
        return line == null ? this : extension("line", com.fasterxml.jackson.databind.node.IntNode.valueOf(line));
    }

    public ObjectNode build() {
        return event.deepCopy();
    }

    private EventBuilder put(String field, String value) {
        if (value != null) {
            event.put(field, value);
        }
        return this;
    }

    private ArrayNode array(String name) {
        return event.has(name) ? (ArrayNode) event.get(name) : event.putArray(name);
    }
}
