package io.heitu.service.epcis;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event as the EPCIS interface gives it out: under the eventID its partner gave it (our CBV 2.0
 * hash ID when it came without one, or is ours), and valid against GS1's schema.
 */
final class Exports {

    private Exports() {}

    static ObjectNode body(JsonNode storedEvent, String hashId, String sourceEventId) {
        ObjectNode body = ((ObjectNode) storedEvent).deepCopy();
        body.put("eventID", sourceEventId != null ? sourceEventId : hashId);
        if (isObjectEventWithoutObjects(body)) {
            // The schema wants an ObjectEvent to name its objects, by instance or by class, unless it
            // reports sensor data at a read point. An input application on a plot names neither: an
            // empty epcList says so without adding a statement (and leaves the event hash unchanged).
            body.putArray("epcList");
        }
        return body;
    }

    private static boolean isObjectEventWithoutObjects(ObjectNode event) {
        if (!"ObjectEvent".equals(event.path("type").asString(null))) {
            return false;
        }
        boolean sensorReport = event.path("sensorElementList").size() > 0 && event.has("readPoint");
        return !event.has("epcList") && !event.has("quantityList") && !sensorReport;
    }
}
