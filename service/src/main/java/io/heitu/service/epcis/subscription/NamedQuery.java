package io.heitu.service.epcis.subscription;

import io.heitu.service.epcis.query.EventQuery;
import io.heitu.service.epcis.query.Hierarchy;
import io.heitu.service.epcis.query.QueryParameters;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A named query of the REST bindings: an organisation's name for a SimpleEventQuery, its definition
 * as the client sent it (valid against GS1's query schema), and the namespace prefixes its compact
 * names mean (its own {@code @context} and the {@code GS1-Extensions} it was created with).
 */
public record NamedQuery(
        String mspId, String name, JsonNode query, Map<String, String> prefixes, OffsetDateTime createdAt) {

    public NamedQuery {
        prefixes = Map.copyOf(prefixes);
    }

    /** The query, read as URL parameters would be: arrays are lists, anything else one value. */
    public EventQuery eventQuery(Hierarchy hierarchy) {
        return QueryParameters.parse(parameters(query), prefixes, hierarchy);
    }

    static Map<String, List<String>> parameters(JsonNode query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        query.properties().forEach(field -> {
            if (field.getKey().startsWith("@")) {
                return;
            }
            List<String> values = new ArrayList<>();
            JsonNode value = field.getValue();
            if (value.isArray()) {
                value.forEach(member -> values.add(text(member)));
            } else if (!value.isNull()) {
                values.add(text(value));
            }
            parameters.put(field.getKey(), values);
        });
        return parameters;
    }

    private static String text(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
