package io.heitu.chaincode.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request JSON for tests: {@code J.of("gtin", GTIN, "lotCode", "A1")}. */
public final class J {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private J() {}

    public static String of(Object... keysAndValues) {
        return write(map(keysAndValues));
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static List<Object> list(Object... items) {
        return List.of(items);
    }

    /** {@code {"value": …, "uom": …}} with the value as an exact decimal. */
    public static Map<String, Object> qty(String value, String uom) {
        return map("value", new java.math.BigDecimal(value), "uom", uom);
    }

    public static Map<String, Object> lot(String gtin, String lotCode, String value, String uom) {
        return map("gtin", gtin, "lotCode", lotCode, "quantity", qty(value, uom));
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
