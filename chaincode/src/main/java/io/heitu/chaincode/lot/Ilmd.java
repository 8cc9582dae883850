package io.heitu.chaincode.lot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import java.util.Map;
import java.util.TreeMap;

/**
 * Instance/lot master data supplied by users: flat fields of text, exact numbers or booleans, each
 * recorded in the event's {@code ilmd} under the Jilin namespace.
 */
public final class Ilmd {

    private Ilmd() {}

    public static Map<String, JsonNode> check(Map<String, JsonNode> fields, int max) {
        if (fields == null) {
            return Map.of();
        }
        if (fields.size() > max) {
            throw Texts.invalid("ilmd has more than " + max + " fields");
        }
        Map<String, JsonNode> checked = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (!name.matches("[a-z][A-Za-z0-9]{0,39}")) {
                throw Texts.invalid("ilmd field names are camelCase words, got '" + Texts.clip(name) + "'");
            }
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw Texts.invalid("ilmd." + name + " must be text, a number or true/false");
            }
            if (value.isTextual()) {
                Texts.optional("ilmd." + name, value.asText(), Texts.NAME_MAX);
                checked.put(name, value);
            } else if (value.isNumber()) {
                checked.put(name, DecimalNode.valueOf(Decimals.measured("ilmd." + name, value.decimalValue())));
            } else {
                checked.put(name, value);
            }
        });
        return checked;
    }
}
