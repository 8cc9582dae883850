package io.heitu.service.epcis.query;

import io.heitu.service.epcis.cbv.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code EQ_}, {@code GT_}, {@code GE_}, {@code LT_}, {@code LE_} and {@code EXISTS_} parameters
 * on user extension fields: of the event itself, or within its {@code ilmd}, error declaration,
 * read point, business location or sensor elements; directly there, or ({@code INNER_}) nested at any
 * depth inside such a field. A field is named by a compact name whose prefix the query declares
 * (GS1-Extensions, a named query's {@code @context}) and matches the event's field of the same IRI,
 * whatever prefix the event used.
 */
record ExtensionField(
        Comparison comparison, boolean inner, Scope scope, String iri, String compact, List<String> values)
        implements Condition {

    /** Where the fields are looked for. */
    enum Scope {
        EVENT(""),
        ILMD("ILMD_"),
        ERROR_DECLARATION("ERROR_DECLARATION_"),
        READ_POINT("readPoint_"),
        BIZ_LOCATION("bizLocation_"),
        SENSOR_ELEMENT("SENSORELEMENT_"),
        SENSOR_METADATA("SENSORMETADATA_"),
        SENSOR_REPORT("SENSORREPORT_");

        final String infix;

        Scope(String infix) {
            this.infix = infix;
        }

        List<JsonNode> containers(JsonNode event) {
            List<JsonNode> containers = new ArrayList<>();
            switch (this) {
                case EVENT -> containers.add(event);
                case ILMD -> containers.add(event.path("ilmd"));
                case ERROR_DECLARATION -> containers.add(event.path("errorDeclaration"));
                case READ_POINT -> containers.add(event.path("readPoint"));
                case BIZ_LOCATION -> containers.add(event.path("bizLocation"));
                case SENSOR_ELEMENT -> event.path("sensorElementList").forEach(containers::add);
                case SENSOR_METADATA ->
                    event.path("sensorElementList").forEach(element -> containers.add(element.path("sensorMetadata")));
                case SENSOR_REPORT ->
                    event.path("sensorElementList")
                            .forEach(element -> element.path("sensorReport").forEach(containers::add));
            }
            return containers;
        }
    }

    ExtensionField {
        values = List.copyOf(values);
    }

    /** The field name of a parameter, expanded with the query's prefixes. */
    static ExtensionField of(
            Comparison comparison,
            boolean inner,
            Scope scope,
            String name,
            Map<String, String> prefixes,
            List<String> values) {
        return new ExtensionField(comparison, inner, scope, Namespaces.expand(name, prefixes), name, values);
    }

    @Override
    public boolean test(EventView event) {
        for (JsonNode container : scope.containers(event.event())) {
            if (!container.isObject()) {
                continue;
            }
            for (var field : container.properties()) {
                if (!Namespaces.isExtension(field.getKey())) {
                    continue;
                }
                if (inner ? nested(field.getValue(), event) : holds(field.getKey(), field.getValue(), event)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean nested(JsonNode value, EventView event) {
        if (value.isArray()) {
            for (JsonNode member : value) {
                if (nested(member, event)) {
                    return true;
                }
            }
        } else if (value.isObject()) {
            for (var field : value.properties()) {
                if (holds(field.getKey(), field.getValue(), event) || nested(field.getValue(), event)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean holds(String key, JsonNode value, EventView event) {
        if (!key.equals(compact) && !event.expand(key).equals(iri)) {
            return false;
        }
        return comparison == null || comparison.test(value, values);
    }
}
