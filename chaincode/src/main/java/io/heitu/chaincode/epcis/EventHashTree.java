package io.heitu.chaincode.epcis;

import static io.heitu.chaincode.epcis.EventHashNode.element;
import static io.heitu.chaincode.epcis.EventHashNode.leaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an EPCIS 2.0 JSON-LD event into the tree of the equivalent EPCIS XML event, which is what the
 * hash is defined over: a JSON list becomes repeated elements, list fields get their XML child
 * element names ({@code epcList} holds {@code epc}s, {@code quantityList} holds
 * {@code quantityElement}s), prefixed keys become {@code {namespace-iri}localName}, and bare CBV
 * terms become web vocabulary IRIs.
 */
final class EventHashTree {
    /** Comments are no event data, nor is a JSON-LD "@context" (its prefixes are applied instead). */
    private static final Set<String> IGNORED_KEYS = Set.of("#text", "rdfs:comment", "comment", "@context");

    private static final Set<String> PAIR_LISTS = Set.of("bizTransactionList", "sourceList", "destinationList");

    private final Map<String, String> prefixes;

    private EventHashTree(Map<String, String> prefixes) {
        this.prefixes = prefixes;
    }

    /** The event as a tree named after its type; {@code prefixes} maps prefix to namespace IRI. */
    static EventHashNode of(JsonNode event, Map<String, String> prefixes) {
        return corrected(new EventHashTree(prefixes).convert(event, "", ""));
    }

    /** {@code key} is the field holding {@code json}, {@code parentKey} the field holding its object. */
    private EventHashNode convert(JsonNode json, String key, String parentKey) {
        if (json.isArray()) {
            List<EventHashNode> items = new ArrayList<>();
            json.forEach(item -> items.add(convert(item, key, parentKey)));
            return element("", "", items);
        }
        if (json.isObject()) {
            return convertObject(json, key);
        }
        return leaf("", scalar(json, key, parentKey));
    }

    private EventHashNode convertObject(JsonNode json, String key) {
        String type = json.path("type").asText("");
        String text = json.path("#text").asText("");
        List<EventHashNode> children = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String fieldKey = field.getKey();
            if (IGNORED_KEYS.contains(fieldKey) || fieldKey.startsWith("@xmlns")) {
                continue;
            }
            EventHashNode child = convert(field.getValue(), fieldKey, key);
            String name = expandedKey(fieldKey);
            if (field.getValue().isArray()) {
                child.children().forEach(item -> children.add(element(name, item.value(), item.children())));
            } else {
                children.add(element(name, child.value(), child.children()));
            }
        }
        return element(type, text, children);
    }

    private String scalar(JsonNode json, String key, String parentKey) {
        if (json.isTextual()) {
            return expandedValue(EventHashVocabulary.expand(parentKey, key, json.textValue()));
        }
        if (json.isBoolean()) {
            // The reference prints JSON booleans the Python way.
            return json.booleanValue() ? "True" : "False";
        }
        return json.isNull() ? "None" : json.asText();
    }

    private String expandedKey(String key) {
        String iri = namespaceOf(key);
        return iri == null ? key : "{" + iri + "}" + key.substring(key.indexOf(':') + 1);
    }

    private String expandedValue(String value) {
        String iri = namespaceOf(value);
        return iri == null ? value : iri.replace("{", "").replace("}", "") + value.substring(value.indexOf(':') + 1);
    }

    private String namespaceOf(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? null : prefixes.get(text.substring(0, colon));
    }

    /** Gives list fields and their items the names they have in EPCIS XML, at every level. */
    private static EventHashNode corrected(EventHashNode node) {
        List<EventHashNode> children = node.children();
        Map<String, List<EventHashNode>> lists = new LinkedHashMap<>();
        List<EventHashNode> childEpcs = new ArrayList<>();
        for (Iterator<EventHashNode> it = children.iterator(); it.hasNext(); ) {
            EventHashNode child = it.next();
            if (child.isPair()) {
                continue;
            }
            String name = child.name();
            if (name.endsWith("List")) {
                String itemName = name.substring(0, name.length() - "List".length());
                lists.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(element(itemName, child.value(), child.children()));
                it.remove();
            } else if (name.equals("childEPCs")) {
                childEpcs.add(leaf("epc", child.value()));
                it.remove();
            }
        }
        lists.forEach((name, items) ->
                children.add(element(name, "", PAIR_LISTS.contains(name) ? pairs(name, items) : items)));
        if (!childEpcs.isEmpty()) {
            children.add(element("childEPCs", "", childEpcs));
        }
        children.replaceAll(child -> child.isPair() || PAIR_LISTS.contains(child.name()) ? child : corrected(child));
        return node.renamed(xmlName(node));
    }

    /**
     * Each bizTransaction, source or destination becomes its type followed by its value. The reference
     * takes the first two fields in the order the JSON happens to list them (and fails when there is
     * no type); here the order is fixed, so that reordering JSON fields cannot change a hash.
     */
    private static List<EventHashNode> pairs(String listName, List<EventHashNode> items) {
        String valueName = listName.substring(0, listName.length() - "List".length());
        List<EventHashNode> pairs = new ArrayList<>();
        for (EventHashNode item : items) {
            List<EventHashNode> members = new ArrayList<>();
            item.children().stream().filter(c -> c.isNamed("type")).findFirst().ifPresent(members::add);
            item.children().stream()
                    .filter(c -> c.isNamed(valueName))
                    .findFirst()
                    .ifPresent(members::add);
            pairs.add(EventHashNode.pair(members));
        }
        return pairs;
    }

    private static String xmlName(EventHashNode node) {
        String name = node.name();
        return switch (name) {
            case "inputEPC", "outputEPC" -> "epc";
            case "inputQuantity", "outputQuantity", "childQuantity" -> "quantityElement";
            case "quantity" -> node.children().isEmpty() ? name : "quantityElement";
            default -> name;
        };
    }
}
