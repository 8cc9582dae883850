package io.heitu.service.support;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A reference evaluation of SimpleEventQuery written from the standard's text (EPCIS 2.0 §8.2.7.1
 * and the REST bindings' parameter descriptions), independently of the service's query engine, to
 * judge its answers: deliberately plain, one rule per parameter, over events as they were sent.
 * Identifiers compare by a small EPC URN to Digital Link mapping of its own (TDS 2.0 §7.x for the
 * schemes GS1's examples use); vocabulary values by their bare word.
 */
public final class ReferenceQuery {

    /** An event as sent, with the namespace prefixes of its document. */
    public record Sent(JsonNode event, Map<String, String> prefixes) {}

    private ReferenceQuery() {}

    /** The events that satisfy every parameter; {@code prefixes} are the query's (GS1-Extensions). */
    public static List<Sent> select(List<Sent> events, Map<String, String> parameters, Map<String, String> prefixes) {
        List<Sent> selected = new ArrayList<>();
        for (Sent sent : events) {
            boolean all = true;
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                all &= holds(
                        sent,
                        parameter.getKey(),
                        new ArrayList<>(List.of(parameter.getValue().split("\\|"))),
                        prefixes);
            }
            if (all) {
                selected.add(sent);
            }
        }
        return selected;
    }

    private static boolean holds(Sent sent, String name, List<String> values, Map<String, String> prefixes) {
        JsonNode e = sent.event();
        String one = values.get(0);
        switch (name) {
            case "eventType":
                return values.contains(e.path("type").asString());
            case "GE_eventTime":
                return !instant(e.path("eventTime").asString()).isBefore(instant(one));
            case "LT_eventTime":
                return instant(e.path("eventTime").asString()).isBefore(instant(one));
            case "EQ_action":
                return values.contains(e.path("action").asString(null));
            case "EQ_bizStep":
                return e.has("bizStep")
                        && values.stream()
                                .map(ReferenceQuery::word)
                                .toList()
                                .contains(word(e.path("bizStep").asString()));
            case "EQ_disposition":
                return e.has("disposition")
                        && values.stream()
                                .map(ReferenceQuery::word)
                                .toList()
                                .contains(word(e.path("disposition").asString()));
            case "EQ_persistentDisposition_set", "EQ_persistentDisposition_unset":
                return any(
                        e.path("persistentDisposition").path(name.endsWith("_set") ? "set" : "unset"),
                        v -> values.stream().map(ReferenceQuery::word).toList().contains(word(v.asString())));
            case "EQ_readPoint":
                return sameAny(e.at("/readPoint/id"), values);
            case "EQ_bizLocation":
                return sameAny(e.at("/bizLocation/id"), values);
            case "WD_readPoint", "WD_bizLocation": {
                // GS1's own hierarchy: a GLN holds the locations of its extensions.
                JsonNode id = e.at(name.equals("WD_readPoint") ? "/readPoint/id" : "/bizLocation/id");
                return id.isString() && values.stream().anyMatch(v -> within(id.asString(), v));
            }
            case "EQ_transformationID":
                return values.contains(e.path("transformationID").asString(null));
            case "MATCH_epc":
                return matchAny(e, values, "epcList", "childEPCs");
            case "MATCH_parentID":
                return matchAny(e, values, "parentID");
            case "MATCH_inputEPC":
                return matchAny(e, values, "inputEPCList");
            case "MATCH_outputEPC":
                return matchAny(e, values, "outputEPCList");
            case "MATCH_anyEPC":
                return matchAny(e, values, "epcList", "childEPCs", "parentID", "inputEPCList", "outputEPCList");
            case "MATCH_epcClass":
                return matchClass(e, values, "quantityList", "childQuantityList");
            case "MATCH_inputEPCClass":
                return matchClass(e, values, "inputQuantityList");
            case "MATCH_outputEPCClass":
                return matchClass(e, values, "outputQuantityList");
            case "MATCH_anyEPCClass":
                return matchClass(
                        e, values, "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");
            case "EQ_eventID":
                return values.contains(e.path("eventID").asString(null));
            case "EXISTS_errorDeclaration":
                return e.has("errorDeclaration");
            case "GE_errorDeclarationTime":
                return e.has("errorDeclaration")
                        && !instant(e.at("/errorDeclaration/declarationTime").asString())
                                .isBefore(instant(one));
            case "EQ_errorReason":
                return e.has("errorDeclaration")
                        && values.contains(word(e.at("/errorDeclaration/reason").asString("")));
            case "EQ_correctiveEventID":
                return any(e.at("/errorDeclaration/correctiveEventIDs"), id -> values.contains(id.asString()));
            case "EXISTS_sensorElementList":
                return e.path("sensorElementList").size() > 0;
            case "EQ_type":
                return anyReport(
                        e,
                        r -> values.stream()
                                .map(ReferenceQuery::word)
                                .toList()
                                .contains(word(r.path("type").asString(""))));
            case "EQ_deviceID":
                return anyReport(e, r -> sameAny(r.path("deviceID"), values))
                        || anyMetadata(e, m -> sameAny(m.path("deviceID"), values));
            case "EQ_stringValue", "EQ_hexBinaryValue":
                return anyReport(
                        e, r -> values.contains(r.path(name.substring(3)).asString(null)));
            case "EQ_uriValue", "EQ_microorganism", "EQ_chemicalSubstance":
                // URIs: a GS1 key's Digital Link on any host is the same key
                return anyReport(e, r -> sameAny(r.path(name.substring(3)), values));
            case "EQ_booleanValue":
                return anyReport(
                        e,
                        r -> r.path("booleanValue").isBoolean()
                                && r.get("booleanValue").asBoolean() == Boolean.parseBoolean(one));
            case "EQ_bizRules":
                // "events that accommodate a bizRules attribute": a sensorMetadata's, or (in JSON) a sensorReport's
                return anyMetadata(e, m -> sameAny(m.path("bizRules"), values))
                        || anyReport(e, r -> sameAny(r.path("bizRules"), values));
            case "GE_startTime":
                return anyMetadata(
                        e,
                        m -> m.has("startTime")
                                && !instant(m.get("startTime").asString()).isBefore(instant(one)));
            case "LT_endTime":
                return anyMetadata(
                        e,
                        m -> m.has("endTime")
                                && instant(m.get("endTime").asString()).isBefore(instant(one)));
            case "GE_time":
                return anyMetadata(
                                e,
                                m -> m.has("time")
                                        && !instant(m.get("time").asString()).isBefore(instant(one)))
                        || anyReport(
                                e,
                                r -> r.has("time")
                                        && !instant(r.get("time").asString()).isBefore(instant(one)));
            default:
                return patterned(sent, name, values, prefixes);
        }
    }

    private static boolean patterned(Sent sent, String name, List<String> values, Map<String, String> prefixes) {
        JsonNode e = sent.event();
        String op = name.substring(0, name.indexOf('_'));
        String rest = name.substring(op.length() + 1);
        if (rest.startsWith("quantity")) {
            String uom = rest.equals("quantity") ? null : rest.substring("quantity_".length());
            for (String list :
                    List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList")) {
                for (JsonNode q : e.path(list)) {
                    if (q.path("quantity").isNumber()
                            && (uom == null || uom.equals(q.path("uom").asString(null)))
                            && values.stream()
                                    .anyMatch(v -> compare(op, q.get("quantity").decimalValue(), new BigDecimal(v)))) {
                        return true;
                    }
                }
            }
            return false;
        }
        for (String field : List.of("value", "minValue", "maxValue", "meanValue", "sDev", "percValue")) {
            if (rest.startsWith(field + "_")) {
                String uom = rest.substring(field.length() + 1);
                return anyReport(
                        e,
                        r -> uom.equals(r.path("uom").asString(null))
                                && r.path(field).isNumber()
                                && compare(op, r.get(field).decimalValue(), new BigDecimal(values.get(0))));
            }
        }
        if (rest.equals("percRank")) {
            return anyReport(
                    e,
                    r -> r.path("percRank").isNumber()
                            && compare(op, r.get("percRank").decimalValue(), new BigDecimal(values.get(0))));
        }
        if (rest.startsWith("bizTransaction_") || rest.startsWith("source_") || rest.startsWith("destination_")) {
            String list = rest.substring(0, rest.indexOf('_'));
            String type = rest.substring(list.length() + 1);
            return any(
                    e.path(list + "List"),
                    entry -> type.equals(word(entry.path("type").asString(""))) && sameAny(entry.path(list), values));
        }
        // User extension fields: [INNER_][scope_]prefix:name, compared by namespace IRI.
        boolean inner = rest.startsWith("INNER_");
        if (inner) {
            rest = rest.substring("INNER_".length());
        }
        List<JsonNode> holders = new ArrayList<>();
        String field = rest;
        if (rest.startsWith("ILMD_")) {
            holders.add(e.path("ilmd"));
            field = rest.substring(5);
        } else if (rest.startsWith("ERROR_DECLARATION_")) {
            holders.add(e.path("errorDeclaration"));
            field = rest.substring(18);
        } else if (rest.startsWith("readPoint_")) {
            holders.add(e.path("readPoint"));
            field = rest.substring(10);
        } else if (rest.startsWith("SENSORELEMENT_")) {
            e.path("sensorElementList").forEach(holders::add);
            field = rest.substring(14);
        } else if (rest.startsWith("SENSORMETADATA_")) {
            e.path("sensorElementList").forEach(s -> holders.add(s.path("sensorMetadata")));
            field = rest.substring(15);
        } else if (rest.startsWith("SENSORREPORT_")) {
            e.path("sensorElementList").forEach(s -> s.path("sensorReport").forEach(holders::add));
            field = rest.substring(13);
        } else {
            holders.add(e);
        }
        String iri = iri(field, prefixes);
        for (JsonNode holder : holders) {
            for (var f : holder.properties()) {
                if (!f.getKey().contains(":")) {
                    continue;
                }
                List<JsonNode> candidates = new ArrayList<>();
                if (inner) {
                    nested(f.getValue(), iri, sent.prefixes(), candidates);
                } else if (iri(f.getKey(), sent.prefixes()).equals(iri)) {
                    candidates.add(f.getValue());
                }
                for (JsonNode candidate : candidates) {
                    if (op.equals("EXISTS")
                            || leaves(candidate).stream()
                                    .anyMatch(v -> values.stream().anyMatch(q -> compareText(op, v, q)))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void nested(JsonNode value, String iri, Map<String, String> prefixes, List<JsonNode> into) {
        if (value.isArray()) {
            value.forEach(member -> nested(member, iri, prefixes, into));
        } else if (value.isObject()) {
            for (var f : value.properties()) {
                if (iri(f.getKey(), prefixes).equals(iri)) {
                    into.add(f.getValue());
                }
                nested(f.getValue(), iri, prefixes, into);
            }
        }
    }

    private static List<JsonNode> leaves(JsonNode value) {
        List<JsonNode> leaves = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(member -> leaves.addAll(leaves(member)));
        } else if (!value.isObject()) {
            leaves.add(value);
        }
        return leaves;
    }

    private static boolean compareText(String op, JsonNode value, String query) {
        String text = value.asString();
        try {
            return compare(op, new BigDecimal(text), new BigDecimal(query));
        } catch (NumberFormatException notNumbers) {
            // fall through
        }
        try {
            int c = instant(text).compareTo(instant(query));
            return op.equals("EQ") ? c == 0 : compareInt(op, c);
        } catch (RuntimeException notTimes) {
            return op.equals("EQ") && text.equals(query);
        }
    }

    private static boolean compare(String op, BigDecimal a, BigDecimal b) {
        return compareInt(op, a.compareTo(b));
    }

    private static boolean compareInt(String op, int c) {
        return switch (op) {
            case "EQ" -> c == 0;
            case "GT" -> c > 0;
            case "GE" -> c >= 0;
            case "LT" -> c < 0;
            case "LE" -> c <= 0;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static String iri(String compact, Map<String, String> prefixes) {
        int colon = compact.indexOf(':');
        String namespace = colon < 0 ? null : prefixes.get(compact.substring(0, colon));
        return namespace == null ? compact : namespace + compact.substring(colon + 1);
    }

    private static boolean anyReport(JsonNode e, Predicate<JsonNode> test) {
        for (JsonNode element : e.path("sensorElementList")) {
            for (JsonNode report : element.path("sensorReport")) {
                if (test.test(report)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyMetadata(JsonNode e, Predicate<JsonNode> test) {
        for (JsonNode element : e.path("sensorElementList")) {
            if (element.has("sensorMetadata") && test.test(element.get("sensorMetadata"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(JsonNode list, Predicate<JsonNode> test) {
        for (JsonNode member : list) {
            if (test.test(member)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchAny(JsonNode e, List<String> values, String... fields) {
        for (String field : fields) {
            JsonNode ids = e.path(field);
            for (JsonNode id : ids.isArray() ? ids : List.of(ids)) {
                if (id.isString() && values.stream().anyMatch(v -> Epcs.matches(v, id.asString()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchClass(JsonNode e, List<String> values, String... lists) {
        for (String list : lists) {
            for (JsonNode q : e.path(list)) {
                if (values.stream()
                        .anyMatch(v -> Epcs.matches(v, q.path("epcClass").asString("")))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameAny(JsonNode id, List<String> values) {
        return id.isString() && values.stream().anyMatch(v -> Epcs.same(v, id.asString()));
    }

    /** A location is within a GLN when it is that GLN or the GLN with an extension. */
    private static boolean within(String location, String container) {
        String a = Epcs.digitalLink(location);
        String b = Epcs.digitalLink(container);
        return a.equals(b) || (b.matches("https://id.gs1.org/414/\\d{13}") && a.startsWith(b + "/254/"));
    }

    private static String word(String value) {
        return value.replaceFirst("^https://ref.gs1.org/cbv/[A-Za-z]+-", "")
                .replaceFirst("^urn:epcglobal:cbv:[a-z]+:", "")
                .replaceFirst("^https://gs1.org/voc/", "")
                .replaceFirst("^gs1:", "");
    }

    private static java.time.Instant instant(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }
}
