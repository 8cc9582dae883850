package io.heitu.service.epcis.xml;

import io.heitu.service.epcis.cbv.CbvFormat;
import io.heitu.service.epcis.cbv.Namespaces;
import io.heitu.service.epcis.cbv.Vocabulary;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * EPCIS 2.0 JSON-LD events as EPCIS 2.0 XML: standard fields in the XSD's order, CBV values as URNs
 * (or GS1 Web URIs when the client asks with {@code GS1-CBV-XML-Format: Always_Web_URI}), user
 * extensions as elements in their namespaces, declared where they are used.
 */
final class XmlWriter {

    private static final Pattern NCNAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final Document document;
    private final CbvFormat cbv;

    XmlWriter(Document document, CbvFormat cbv) {
        this.document = document;
        this.cbv = cbv;
    }

    /** An event element, or null for an event type the XSD does not know. */
    Element event(JsonNode event) {
        String type = event.path("type").asString("");
        List<String> fields = XmlNames.fields(type);
        if (fields.isEmpty()) {
            return null;
        }
        Map<String, String> prefixes = Namespaces.of(event);
        Element element = document.createElementNS(null, type);
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            switch (field) {
                case "bizStep" -> text(element, field, vocabulary(Vocabulary.BIZ_STEP, value.asString()));
                case "disposition" -> text(element, field, vocabulary(Vocabulary.DISPOSITION, value.asString()));
                case "certificationInfo" ->
                    text(element, field, value.isArray() ? value.path(0).asString("") : value.asString());
                case "readPoint", "bizLocation" -> place(element, field, value, prefixes);
                case "bizTransactionList" ->
                    typed(element, field, "bizTransaction", value, Vocabulary.BIZ_TRANSACTION_TYPE);
                case "sourceList" -> typed(element, field, "source", value, Vocabulary.SOURCE_DESTINATION_TYPE);
                case "destinationList" ->
                    typed(element, field, "destination", value, Vocabulary.SOURCE_DESTINATION_TYPE);
                case "sensorElementList" -> sensors(element, value, prefixes);
                case "persistentDisposition" -> persistent(element, value);
                case "ilmd" -> extensionsOf(append(element, "ilmd"), value, prefixes);
                case "errorDeclaration" -> errorDeclaration(element, value, prefixes);
                default -> {
                    if (XmlNames.EPC_LISTS.contains(field)) {
                        Element list = append(element, field);
                        value.forEach(epc -> text(list, "epc", epc.asString()));
                    } else if (XmlNames.QUANTITY_LISTS.contains(field)) {
                        quantities(element, field, value);
                    } else {
                        text(element, field, scalar(value));
                    }
                }
            }
        }
        extensionsOf(element, event, prefixes);
        return element;
    }

    private void place(Element parent, String name, JsonNode value, Map<String, String> prefixes) {
        Element place = append(parent, name);
        text(place, "id", value.path("id").asString(""));
        extensionsOf(place, value, prefixes);
    }

    private void typed(Element parent, String name, String item, JsonNode entries, Vocabulary vocabulary) {
        Element list = append(parent, name);
        for (JsonNode entry : entries) {
            Element element = text(list, item, entry.path(item).asString(""));
            if (entry.path("type").isString()) {
                element.setAttribute(
                        "type", vocabulary(vocabulary, entry.get("type").asString()));
            }
        }
    }

    private void quantities(Element parent, String name, JsonNode elements) {
        Element list = append(parent, name);
        for (JsonNode quantity : elements) {
            Element element = append(list, "quantityElement");
            text(element, "epcClass", quantity.path("epcClass").asString(""));
            if (quantity.has("quantity")) {
                text(element, "quantity", scalar(quantity.get("quantity")));
                if (quantity.path("uom").isString()) {
                    text(element, "uom", quantity.get("uom").asString());
                }
            }
        }
    }

    private void sensors(Element parent, JsonNode elements, Map<String, String> prefixes) {
        Element list = append(parent, "sensorElementList");
        for (JsonNode sensor : elements) {
            Element element = append(list, "sensorElement");
            if (sensor.has("sensorMetadata")) {
                attributes(append(element, "sensorMetadata"), sensor.get("sensorMetadata"), prefixes);
            }
            for (JsonNode report : sensor.path("sensorReport")) {
                attributes(append(element, "sensorReport"), report, prefixes);
            }
            extensionsOf(element, sensor, prefixes);
        }
    }

    private void attributes(Element element, JsonNode values, Map<String, String> prefixes) {
        values.properties().forEach(field -> {
            String name = field.getKey();
            String value = switch (name) {
                case "type", "exception" ->
                    vocabulary(Vocabulary.MEASUREMENT_TYPE, field.getValue().asString());
                case "component" -> component(field.getValue().asString());
                default -> scalar(field.getValue());
            };
            if (Namespaces.isExtension(name)) {
                QName qname = qname(name, prefixes);
                if (qname != null) {
                    declare(element, qname);
                    element.setAttributeNS(qname.namespace(), qname.qualified(), value);
                }
            } else if (NCNAME.matcher(name).matches()) {
                element.setAttribute(name, value);
            }
        });
    }

    private void persistent(Element parent, JsonNode value) {
        Element element = append(parent, "persistentDisposition");
        for (String which : List.of("unset", "set")) {
            value.path(which).forEach(d -> text(element, which, vocabulary(Vocabulary.DISPOSITION, d.asString())));
        }
    }

    private void errorDeclaration(Element parent, JsonNode value, Map<String, String> prefixes) {
        Element element = append(parent, "errorDeclaration");
        if (value.has("declarationTime")) {
            text(element, "declarationTime", value.get("declarationTime").asString());
        }
        if (value.path("reason").isString()) {
            text(
                    element,
                    "reason",
                    vocabulary(Vocabulary.ERROR_REASON, value.get("reason").asString()));
        }
        if (value.has("correctiveEventIDs")) {
            Element ids = append(element, "correctiveEventIDs");
            value.get("correctiveEventIDs").forEach(id -> text(ids, "correctiveEventID", id.asString()));
        }
        extensionsOf(element, value, prefixes);
    }

    /** The user extensions among an object's fields, as elements in their namespaces. */
    private void extensionsOf(Element parent, JsonNode object, Map<String, String> prefixes) {
        object.properties().forEach(field -> {
            if (Namespaces.isExtension(field.getKey())) {
                QName qname = qname(field.getKey(), prefixes);
                if (qname != null) {
                    extension(parent, qname, field.getValue(), prefixes);
                }
            }
        });
    }

    private void extension(Element parent, QName name, JsonNode value, Map<String, String> prefixes) {
        if (value.isArray()) {
            value.forEach(member -> extension(parent, name, member, prefixes));
            return;
        }
        Element element = document.createElementNS(name.namespace(), name.qualified());
        declare(element, name);
        parent.appendChild(element);
        if (value.isObject() && !value.has("@value")) {
            value.properties().forEach(field -> {
                String prefix = field.getKey().contains(":")
                        ? field.getKey().substring(0, field.getKey().indexOf(':'))
                        : "";
                if (XmlReader.RDF.equals(prefixes.get(prefix)) && field.getKey().endsWith(":value")) {
                    element.appendChild(document.createTextNode(scalar(field.getValue())));
                    return;
                }
                QName inner = Namespaces.isExtension(field.getKey())
                        ? qname(field.getKey(), prefixes)
                        : NCNAME.matcher(field.getKey()).matches() ? new QName(null, null, field.getKey()) : null;
                if (inner != null) {
                    extension(element, inner, field.getValue(), prefixes);
                }
            });
        } else {
            element.setTextContent(scalar(value.isObject() ? value.get("@value") : value));
        }
    }

    /** A namespace-qualified name of a compact or absolute IRI field name; null when it has none. */
    private static QName qname(String name, Map<String, String> prefixes) {
        int colon = name.indexOf(':');
        String prefix = name.substring(0, colon);
        String local = name.substring(colon + 1);
        String namespace = prefixes.get(prefix);
        if (namespace != null
                && NCNAME.matcher(prefix).matches()
                && NCNAME.matcher(local).matches()) {
            return new QName(namespace, prefix, local);
        }
        int split = Math.max(name.lastIndexOf('/'), name.lastIndexOf('#'));
        if (split > 0
                && split < name.length() - 1
                && NCNAME.matcher(name.substring(split + 1)).matches()) {
            return new QName(name.substring(0, split + 1), "ext", name.substring(split + 1));
        }
        return null;
    }

    /** Declares a name's namespace on the element that uses it, so every event stands on its own. */
    private static void declare(Element element, QName name) {
        if (name.prefix() != null && name.namespace() != null) {
            element.setAttributeNS(XmlNames.XMLNS, "xmlns:" + name.prefix(), name.namespace());
        }
    }

    private record QName(String namespace, String prefix, String local) {
        String qualified() {
            return prefix == null ? local : prefix + ":" + local;
        }
    }

    private String vocabulary(Vocabulary vocabulary, String value) {
        String word = vocabulary.word(value);
        return cbv == CbvFormat.WEB_URI ? vocabulary.webUri(word) : vocabulary.urn(word);
    }

    private String component(String value) {
        String word = Vocabulary.COMPONENT.word(value);
        if (word.indexOf(':') > 0) {
            return word;
        }
        return cbv == CbvFormat.WEB_URI ? Vocabulary.COMPONENT.webUri(word) : "cbv:Comp-" + word;
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private Element append(Element parent, String name) {
        Element element = document.createElementNS(null, name);
        parent.appendChild(element);
        return element;
    }

    private Element text(Element parent, String name, String value) {
        Element element = append(parent, name);
        element.setTextContent(value);
        return element;
    }
}
