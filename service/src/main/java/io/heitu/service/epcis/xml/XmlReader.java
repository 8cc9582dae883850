package io.heitu.service.epcis.xml;

import io.heitu.service.epcis.EpcisDocuments;
import io.heitu.service.epcis.cbv.Vocabulary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An EPCIS 2.0 XML document (already valid against GS1's XSD) as the EPCIS 2.0 JSON-LD document
 * with the same meaning: standard fields by name, CBV values as bare words, user extensions as
 * compact names whose prefixes the document's {@code @context} declares with the same namespaces.
 */
final class XmlReader {

    private static final Gs1Terms GS1_TERMS = new Gs1Terms();
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private final JsonMapper json;
    /** Prefix → namespace of every extension the document uses, for its @context. */
    private final Map<String, String> namespaces = new LinkedHashMap<>();

    XmlReader(JsonMapper json) {
        this.json = json;
    }

    ObjectNode document(Document xml) {
        Element root = xml.getDocumentElement();
        ObjectNode document = json.createObjectNode();
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", root.getAttribute("schemaVersion"));
        document.put("creationDate", root.getAttribute("creationDate"));
        ArrayNode events = document.putObject("epcisBody").putArray("eventList");
        Element body = child(root, "EPCISBody");
        Element list = body == null ? null : child(body, "EventList");
        if (list != null) {
            for (Element event : children(list)) {
                if (XmlNames.EVENT_TYPES.contains(event.getLocalName()) && event.getNamespaceURI() == null) {
                    events.add(event(event));
                }
            }
        }
        ArrayNode context = json.createArrayNode().add(EpcisDocuments.GS1_CONTEXT);
        if (!namespaces.isEmpty()) {
            ObjectNode declarations = context.addObject();
            namespaces.forEach(declarations::put);
        }
        ObjectNode ordered = json.createObjectNode();
        ordered.set("@context", context);
        ordered.setAll(document);
        return ordered;
    }

    private ObjectNode event(Element element) {
        ObjectNode event = json.createObjectNode();
        event.put("type", element.getLocalName());
        for (Element field : children(element)) {
            if (field.getNamespaceURI() != null) {
                extension(event, field);
                continue;
            }
            String name = field.getLocalName();
            switch (name) {
                case "extension", "baseExtension" -> children(field).forEach(inner -> extension(event, inner));
                case "bizStep" -> event.put(name, Vocabulary.BIZ_STEP.word(text(field)));
                case "disposition" -> event.put(name, Vocabulary.DISPOSITION.word(text(field)));
                case "readPoint", "bizLocation" -> event.set(name, place(field));
                case "bizTransactionList" ->
                    event.set(name, typed(field, "bizTransaction", Vocabulary.BIZ_TRANSACTION_TYPE));
                case "sourceList" -> event.set(name, typed(field, "source", Vocabulary.SOURCE_DESTINATION_TYPE));
                case "destinationList" ->
                    event.set(name, typed(field, "destination", Vocabulary.SOURCE_DESTINATION_TYPE));
                case "sensorElementList" -> event.set(name, sensors(field));
                case "persistentDisposition" -> event.set(name, persistent(field));
                case "ilmd" -> event.set(name, extensions(field));
                case "errorDeclaration" -> event.set(name, errorDeclaration(field));
                default -> {
                    if (XmlNames.EPC_LISTS.contains(name)) {
                        ArrayNode ids = event.putArray(name);
                        children(field).forEach(epc -> ids.add(text(epc)));
                    } else if (XmlNames.QUANTITY_LISTS.contains(name)) {
                        event.set(name, quantities(field));
                    } else {
                        event.put(name, text(field));
                    }
                }
            }
        }
        return event;
    }

    private ObjectNode place(Element element) {
        ObjectNode place = json.createObjectNode();
        for (Element field : children(element)) {
            if (field.getNamespaceURI() != null) {
                extension(place, field);
            } else if (field.getLocalName().equals("id")) {
                place.put("id", text(field));
            } else if (field.getLocalName().equals("extension")) {
                children(field).forEach(inner -> extension(place, inner));
            }
        }
        return place;
    }

    private ArrayNode typed(Element list, String field, Vocabulary vocabulary) {
        ArrayNode entries = json.createArrayNode();
        for (Element item : children(list)) {
            ObjectNode entry = entries.addObject();
            if (item.hasAttribute("type")) {
                entry.put("type", vocabulary.word(item.getAttribute("type")));
            }
            entry.put(field, text(item));
        }
        return entries;
    }

    private ArrayNode quantities(Element list) {
        ArrayNode elements = json.createArrayNode();
        for (Element item : children(list)) {
            ObjectNode element = elements.addObject();
            for (Element field : children(item)) {
                String value = text(field);
                if (field.getLocalName().equals("quantity")) {
                    if (!value.isEmpty()) {
                        element.put("quantity", new BigDecimal(value));
                    }
                } else {
                    element.put(field.getLocalName(), value);
                }
            }
        }
        return elements;
    }

    private ArrayNode sensors(Element list) {
        ArrayNode elements = json.createArrayNode();
        for (Element sensorElement : children(list)) {
            if (!sensorElement.getLocalName().equals("sensorElement")) {
                continue;
            }
            ObjectNode element = elements.addObject();
            ArrayNode reports = null;
            for (Element field : children(sensorElement)) {
                if (field.getNamespaceURI() != null) {
                    extension(element, field);
                } else if (field.getLocalName().equals("sensorMetadata")) {
                    element.set("sensorMetadata", attributes(field));
                } else if (field.getLocalName().equals("sensorReport")) {
                    if (reports == null) {
                        reports = element.putArray("sensorReport");
                    }
                    reports.add(attributes(field));
                } else if (field.getLocalName().equals("extension")) {
                    children(field).forEach(inner -> extension(element, inner));
                }
            }
        }
        return elements;
    }

    private ObjectNode attributes(Element element) {
        ObjectNode values = json.createObjectNode();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            if (XmlNames.XMLNS.equals(ns) || XmlNames.XSI.equals(ns)) {
                continue;
            }
            String value = attribute.getValue();
            if (ns != null) {
                values.put(compact(attribute.getPrefix(), ns, attribute.getLocalName()), value);
                continue;
            }
            String name = attribute.getLocalName();
            switch (name) {
                case "type", "exception" -> values.put(name, GS1_TERMS.term(value));
                case "component" -> values.put(name, Vocabulary.COMPONENT.word(value));
                case "booleanValue" ->
                    values.put(
                            name,
                            Boolean.parseBoolean(value.strip()) || value.strip().equals("1"));
                default -> {
                    if (XmlNames.DECIMAL_ATTRIBUTES.contains(name)) {
                        values.set(name, decimal(value));
                    } else {
                        values.put(name, value);
                    }
                }
            }
        }
        return values;
    }

    private ObjectNode persistent(Element element) {
        ObjectNode persistent = json.createObjectNode();
        for (Element field : children(element)) {
            ArrayNode values = persistent.has(field.getLocalName())
                    ? (ArrayNode) persistent.get(field.getLocalName())
                    : persistent.putArray(field.getLocalName());
            values.add(Vocabulary.DISPOSITION.word(text(field)));
        }
        return persistent;
    }

    private ObjectNode errorDeclaration(Element element) {
        ObjectNode declaration = json.createObjectNode();
        for (Element field : children(element)) {
            if (field.getNamespaceURI() != null) {
                extension(declaration, field);
                continue;
            }
            switch (field.getLocalName()) {
                case "reason" -> declaration.put("reason", Vocabulary.ERROR_REASON.word(text(field)));
                case "correctiveEventIDs" -> {
                    ArrayNode ids = declaration.putArray("correctiveEventIDs");
                    children(field).forEach(id -> ids.add(text(id)));
                }
                case "extension" -> children(field).forEach(inner -> extension(declaration, inner));
                default -> declaration.put(field.getLocalName(), text(field));
            }
        }
        return declaration;
    }

    private ObjectNode extensions(Element element) {
        ObjectNode fields = json.createObjectNode();
        for (Element field : children(element)) {
            if (field.getNamespaceURI() == null && field.getLocalName().equals("extension")) {
                children(field).forEach(inner -> extension(fields, inner));
            } else {
                extension(fields, field);
            }
        }
        return fields;
    }

    /**
     * A user extension element as a field of {@code into}: its text; or, when it has child elements
     * or attributes, an object of them (an attribute is a field like a child element: JSON-LD has
     * no attributes), its text then as {@code rdf:value}.
     */
    private void extension(ObjectNode into, Element element) {
        String name = element.getNamespaceURI() == null
                ? element.getLocalName()
                : compact(element.getPrefix(), element.getNamespaceURI(), element.getLocalName());
        ObjectNode attributes = extensionAttributes(element);
        JsonNode value;
        if (children(element).isEmpty() && attributes.isEmpty()) {
            value = json.getNodeFactory().stringNode(text(element));
        } else {
            ObjectNode object = nested(element);
            object.setAll(attributes);
            if (children(element).isEmpty() && !text(element).isEmpty()) {
                object.put(compact("rdf", RDF, "value"), text(element));
            }
            value = object;
        }
        JsonNode present = into.get(name);
        if (present == null) {
            into.set(name, value);
        } else if (present.isArray()) {
            ((ArrayNode) present).add(value);
        } else {
            into.putArray(name).add(present).add(value);
        }
    }

    private ObjectNode extensionAttributes(Element element) {
        ObjectNode fields = json.createObjectNode();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            if (XmlNames.XMLNS.equals(ns) || XmlNames.XSI.equals(ns)) {
                continue;
            }
            String field = ns == null
                    ? attribute.getLocalName()
                    : compact(attribute.getPrefix(), ns, attribute.getLocalName());
            fields.put(field, attribute.getValue());
        }
        return fields;
    }

    private ObjectNode nested(Element element) {
        ObjectNode object = json.createObjectNode();
        children(element).forEach(child -> extension(object, child));
        return object;
    }

    /** {@code prefix:local}, declaring the prefix for the namespace (another one when it is taken). */
    private String compact(String prefix, String namespace, String local) {
        String candidate = prefix == null || prefix.isEmpty() ? "ns" : prefix;
        String chosen = candidate;
        for (int n = 1;
                namespaces.containsKey(chosen) && !namespaces.get(chosen).equals(namespace);
                n++) {
            chosen = candidate + n;
        }
        for (Map.Entry<String, String> declared : namespaces.entrySet()) {
            if (declared.getValue().equals(namespace)) {
                chosen = declared.getKey();
                break;
            }
        }
        namespaces.putIfAbsent(chosen, namespace);
        return chosen + ":" + local;
    }

    private static JsonNode decimal(String value) {
        try {
            return tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(value);
        }
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static Element child(Element element, String localName) {
        for (Element child : children(element)) {
            if (child.getLocalName().equals(localName) && child.getNamespaceURI() == null) {
                return child;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element.getTextContent() == null ? "" : element.getTextContent().strip();
    }
}
