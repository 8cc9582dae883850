package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.Texts;
import java.util.List;

/**
 * Request of {@code event:Capture}: up to {@value #MAX_EVENTS} EPCIS 2.0 events as another system
 * wrote them, with the {@code @context} of the document they came in (its namespace prefixes give
 * extension fields their meaning, and so their hash).
 */
public record Capture(JsonNode context, List<JsonNode> events) {

    /** A partner's document in one transaction: what the service advertises as its capture limit. */
    static final int MAX_EVENTS = 500;

    public Capture {
        if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
            throw Texts.invalid("events must hold 1 to " + MAX_EVENTS + " EPCIS events");
        }
        for (JsonNode event : events) {
            if (event == null || !event.isObject()) {
                throw Texts.invalid("every event is a JSON object");
            }
        }
        if (context != null && !(context.isTextual() || context.isObject() || context.isArray())) {
            throw Texts.invalid("context must be the document's @context: a URL, an object or an array");
        }
        events = List.copyOf(events);
    }
}
