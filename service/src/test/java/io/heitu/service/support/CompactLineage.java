package io.heitu.service.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads a lineage page in the compact shape ({@code ?shape=compact}) back into the full shape, as a client would. */
public final class CompactLineage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CompactLineage() {}

    /** A compact page back in the full shape, as a client would read it (README, "Lineage graph read model"). */
    public static ObjectNode expand(JsonNode compact) {
        JsonNode strings = compact.get("strings");
        JsonNode lots = compact.get("lots");
        ObjectNode full = JSON.createObjectNode();
        full.put("root", compact.get("root").asString());
        full.put("direction", compact.get("direction").asString());
        ArrayNode nodes = full.putArray("nodes");
        int index = 0;
        for (JsonNode row : compact.get("nodes")) {
            ObjectNode node = nodes.addObject();
            node.put("lot", lots.get(index++).asString());
            text(node, "gtin", row.get(0), strings);
            if (!row.get(1).isNull()) {
                node.put("lotCode", row.get(1).asString());
            }
            node.put("depth", row.get(2).asInt());
            text(node, "status", row.get(3), strings);
            text(node, "producerMsp", row.get(4), strings);
            text(node, "locationId", row.get(5), strings);
            text(node, "origin", row.get(6), strings);
            quantity(node, "quantity", row.get(7), strings);
            text(node, "eventTime", row.get(8), strings);
            ArrayNode holdings = node.putArray("holdings");
            for (JsonNode holding : row.get(9)) {
                ObjectNode h = holdings.addObject();
                text(h, "mspId", holding.get(0), strings);
                quantity(h, "quantity", holding.get(1), strings);
            }
            ArrayNode inTransit = node.putArray("inTransit");
            for (JsonNode transit : row.get(10)) {
                ObjectNode t = inTransit.addObject();
                text(t, "fromMsp", transit.get(0), strings);
                text(t, "toMsp", transit.get(1), strings);
                text(t, "carrierMsp", transit.get(2), strings);
                quantity(t, "quantity", transit.get(3), strings);
                text(t, "eventId", transit.get(4), strings);
                text(t, "shippedAt", transit.get(5), strings);
                if (!transit.get(6).isNull()) {
                    t.put("returned", transit.get(6).asBoolean());
                }
            }
        }
        ArrayNode edges = full.putArray("edges");
        for (JsonNode row : compact.get("edges")) {
            ObjectNode edge = edges.addObject();
            edge.put("parent", lots.get(row.get(0).asInt()).asString());
            edge.put("child", lots.get(row.get(1).asInt()).asString());
            text(edge, "eventId", row.get(2), strings);
            text(edge, "kind", row.get(3), strings);
            text(edge, "at", row.get(4), strings);
            quantity(edge, "consumed", row.get(5), strings);
            quantity(edge, "produced", row.get(6), strings);
        }
        full.put("truncated", compact.get("truncated").asBoolean());
        if (compact.has("nextOffset")) {
            full.put("nextOffset", compact.get("nextOffset").asInt());
        }
        return full;
    }

    private static void text(ObjectNode into, String name, JsonNode index, JsonNode strings) {
        if (!index.isNull()) {
            into.put(name, strings.get(index.asInt()).asString());
        }
    }

    private static void quantity(ObjectNode into, String name, JsonNode quantity, JsonNode strings) {
        if (quantity.isNull()) {
            return;
        }
        ObjectNode q = into.putObject(name);
        if (!quantity.get(0).isNull()) {
            q.set("value", quantity.get(0));
        }
        text(q, "uom", quantity.get(1), strings);
    }
}
