package io.heitu.service.api;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Farmers weigh in 斤 (jin, 500 g) and 公斤; the ledger keeps UN/ECE codes. Any quantity written
 * {@code {"value": 500, "uom": "JIN"}} anywhere in a request becomes {@code {"value": 250, "uom": "KGM"}}.
 */
public final class FarmUnits {

    private static final BigDecimal KG_PER_JIN = new BigDecimal("0.5");

    private FarmUnits() {}

    public static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode uom = object.get("uom");
            JsonNode value = object.get("value");
            if (uom != null && value != null && value.isNumber()) {
                switch (uom.asString()) {
                    case "JIN" -> {
                        object.put(
                                "value",
                                value.decimalValue().multiply(KG_PER_JIN).stripTrailingZeros());
                        object.put("uom", "KGM");
                    }
                    case "GONGJIN" -> object.put("uom", "KGM");
                    default -> {}
                }
            }
            object.values().forEach(FarmUnits::normalise);
        } else if (node != null && node.isArray()) {
            node.values().forEach(FarmUnits::normalise);
        }
        return node;
    }
}
