package io.heitu.service.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What an EPCIS XML event says, independent of how it is written: element and attribute names by
 * namespace (not prefix), trimmed text, children in any order, {@code extension} wrappers opened,
 * XML Schema type annotations ({@code xsi:type}), elements that say they have no value
 * ({@code xsi:nil}) and what a repository assigns ({@code eventID}, {@code recordTime}) left out. Two events mean the same when their strings are equal.
 */
public final class XmlMeaning {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final Set<String> ASSIGNED = Set.of("eventID", "recordTime");
    private static final Set<String> EVENTS =
            Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent");

    private XmlMeaning() {}

    /** The events of a document (EPCISDocument or EPCISQueryDocument), in order. */
    public static List<Element> events(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            List<Element> events = new ArrayList<>();
            collect(document.getDocumentElement(), events);
            return events;
        } catch (Exception e) {
            throw new IllegalStateException("not XML", e);
        }
    }

    public static String of(Element event) {
        return canonical(event, Set.of());
    }

    /**
     * The meaning without the error declaration, when one may have been added to the event the
     * ledger holds (captured before, or later in the same document).
     */
    public static String of(Element event, boolean withoutErrorDeclaration) {
        return canonical(event, withoutErrorDeclaration ? Set.of("errorDeclaration") : Set.of());
    }

    private static void collect(Element element, List<Element> events) {
        if (element.getNamespaceURI() == null && EVENTS.contains(element.getLocalName())) {
            events.add(element);
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inner) {
                collect(inner, events);
            }
        }
    }

    private static String canonical(Element element, Set<String> left) {
        StringBuilder out = new StringBuilder("{").append(name(element)).append(' ');
        List<String> attributes = new ArrayList<>();
        List<String> children = new ArrayList<>();
        // A user extension's attributes say what child elements would: JSON-LD, which the XML is
        // read into, has no attributes, so they come back as elements.
        boolean extension = element.getNamespaceURI() != null;
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attribute = (Attr) map.item(i);
            if (XMLNS.equals(attribute.getNamespaceURI()) || XSI.equals(attribute.getNamespaceURI())) {
                continue;
            }
            String value = value(attribute.getValue().strip());
            if (extension) {
                children.add("{" + name(attribute) + " [] '" + value + "'}");
            } else {
                attributes.add(name(attribute) + "=" + value);
            }
        }
        attributes.sort(null);
        out.append(attributes);
        children(element, children, left);
        String text = ownText(element);
        if (children.isEmpty()) {
            out.append(" '").append(value(text)).append('\'');
        } else {
            if (!text.isEmpty()) {
                children.add("'" + value(text) + "'");
            }
            children.sort(null);
            out.append(' ').append(children);
        }
        return out.append('}').toString();
    }

    private static void children(Element element, List<String> into, Set<String> left) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element inner)) {
                continue;
            }
            boolean wrapper = inner.getNamespaceURI() == null
                    && (inner.getLocalName().equals("extension")
                            || inner.getLocalName().equals("baseExtension"));
            boolean nil = "true".equals(inner.getAttributeNS(XSI, "nil"));
            boolean omitted = nil
                    || inner.getNamespaceURI() == null
                            && (ASSIGNED.contains(inner.getLocalName()) || left.contains(inner.getLocalName()));
            if (wrapper) {
                children(inner, into, left);
            } else if (!omitted) {
                into.add(canonical(inner, left));
            }
        }
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString().strip();
    }

    /** A date-time as the instant it denotes (XML Schema compares dateTimes so); any other text as is. */
    private static String value(String text) {
        try {
            return text.length() >= 20 && Character.isDigit(text.charAt(0))
                    ? java.time.OffsetDateTime.parse(text).toInstant().toString()
                    : text;
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    private static String name(Node node) {
        return (node.getNamespaceURI() == null ? "" : node.getNamespaceURI() + "#") + node.getLocalName();
    }
}
