package io.heitu.service.epcis.query;

import io.heitu.service.epcis.cbv.Vocabulary;
import io.heitu.service.epcis.identifier.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Conditions on sensor data: the sensorMetadata and sensorReport of an event's sensor elements. */
final class Sensors {

    private Sensors() {}

    /** A report whose vocabulary value (e.g. the measurement {@code type}) is one of these. */
    static Condition report(Set<String> words, String field, Vocabulary vocabulary) {
        return Condition.of(event -> reports(event).stream()
                .anyMatch(report -> report.path(field).isString()
                        && words.contains(
                                event.expand(vocabulary.word(report.path(field).asString())))));
    }

    /** A report whose string field is one of these, exactly. */
    static Condition reportEquals(String field, List<String> values) {
        return Condition.of(event -> reports(event).stream()
                .anyMatch(report -> values.contains(report.path(field).asString(null))));
    }

    /** A report (in the unit {@code uom}, when given) whose field compares with a value. */
    static Condition reportCompares(String field, String uom, Comparison comparison, List<String> values) {
        return Condition.of(event -> reports(event).stream()
                .filter(report -> uom == null || uom.equals(report.path("uom").asString(null)))
                .anyMatch(report -> report.has(field) && comparison.test(report.get(field), values)));
    }

    /** {@code time} of a sensorMetadata or sensorReport; {@code startTime}/{@code endTime} of a sensorMetadata. */
    static Condition metadataTime(String field, Comparison comparison, String value) {
        return Condition.of(event -> {
            List<JsonNode> holders = new ArrayList<>(metadata(event));
            if (field.equals("time")) {
                holders.addAll(reports(event));
            }
            return holders.stream().anyMatch(holder -> holder.has(field) && comparison.holds(holder.get(field), value));
        });
    }

    /** A URI attribute of a sensorMetadata or sensorReport, compared in canonical form. */
    static Condition anyUri(String field, Set<String> canonical) {
        return Condition.of(event -> {
            List<JsonNode> holders = new ArrayList<>(metadata(event));
            holders.addAll(reports(event));
            return holders.stream()
                    .anyMatch(holder -> holder.path(field).isString()
                            && canonical.contains(
                                    Identifiers.canonical(holder.path(field).asString())));
        });
    }

    private static List<JsonNode> metadata(EventView event) {
        List<JsonNode> metadata = new ArrayList<>();
        event.event().path("sensorElementList").forEach(element -> {
            if (element.path("sensorMetadata").isObject()) {
                metadata.add(element.get("sensorMetadata"));
            }
        });
        return metadata;
    }

    private static List<JsonNode> reports(EventView event) {
        List<JsonNode> reports = new ArrayList<>();
        event.event()
                .path("sensorElementList")
                .forEach(element -> element.path("sensorReport").forEach(reports::add));
        return reports;
    }
}
