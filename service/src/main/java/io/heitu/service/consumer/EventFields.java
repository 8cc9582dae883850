package io.heitu.service.consumer;

import tools.jackson.databind.JsonNode;

/** What the journey reads off one stored EPCIS event: its step, lot, quantity and destination. */
final class EventFields {

    private EventFields() {}

    /** The word the page translates: harvest, drying, milling, packing, shipping, hold, recall, … */
    static String stepName(JsonNode event, String bizStep) {
        if (event.has("jl:origin")) {
            return event.path("jl:origin").asString();
        }
        if (event.has("jl:transformationKind")) {
            return event.path("jl:transformationKind").asString();
        }
        if (event.has("jl:statusAction")) {
            return event.path("jl:statusAction").asString();
        }
        return bizStep;
    }

    static String detail(JsonNode event, String bizStep) {
        return switch (bizStep) {
            case "inspecting" -> event.path("jl:grade").path("label").asString(null);
            case "sampling" -> event.path("jl:reportNo").asString(null);
            case "holding" -> event.path("jl:reason").asString(null);
            default -> null;
        };
    }

    /** What a transformation made, or how much of the lot an object event moved. */
    static LotPage.Quantity quantity(JsonNode event) {
        JsonNode list = event.has("outputQuantityList") ? event.path("outputQuantityList") : event.path("quantityList");
        for (JsonNode entry : list) {
            if (entry.has("quantity")) {
                return Quantities.of(entry.path("quantity"), entry.path("uom").asString());
            }
        }
        return null;
    }

    static String lotCode(JsonNode event) {
        JsonNode list = event.has("outputQuantityList") ? event.path("outputQuantityList") : event.path("quantityList");
        String epcClass = list.path(0).path("epcClass").asString("");
        int at = epcClass.lastIndexOf("/10/");
        return at < 0 ? null : epcClass.substring(at + 4);
    }

    static String destination(JsonNode event) {
        for (JsonNode destination : event.path("destinationList")) {
            if ("location".equals(destination.path("type").asString())) {
                return destination.path("destination").asString();
            }
        }
        return null;
    }
}
