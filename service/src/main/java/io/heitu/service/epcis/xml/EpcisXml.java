package io.heitu.service.epcis.xml;

import io.heitu.service.epcis.cbv.CbvFormat;
import io.heitu.service.problem.ApiException;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The XML binding of EPCIS 2.0: XML documents captured (checked against GS1's XSD, then read as the
 * JSON-LD document of the same meaning, so that capture, the event hash and the ledger's rules are
 * the same whichever binding a partner uses) and query results written as EPCIS 2.0 XML.
 */
@Component
public class EpcisXml {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final XmlSchemas schemas = new XmlSchemas();
    private final JsonMapper json;
    private final DocumentBuilderFactory builders;

    public EpcisXml(JsonMapper json) {
        this.json = json;
        builders = DocumentBuilderFactory.newInstance();
        builders.setNamespaceAware(true);
    }

    /** An EPCISDocument in XML as its JSON-LD document; refused (400) when not valid against the XSD. */
    public ObjectNode readDocument(byte[] xml) {
        XmlSchemas.Parsed parsed = schemas.parse(xml);
        if (parsed.document() == null) {
            throw invalid("not well-formed XML: " + String.join("; ", parsed.problems()));
        }
        Element root = parsed.document().getDocumentElement();
        if (!XmlNames.EPCIS.equals(root.getNamespaceURI())
                || !root.getLocalName().equals("EPCISDocument")) {
            throw invalid("the body is not an EPCIS 2.0 EPCISDocument (urn:epcglobal:epcis:xsd:2)");
        }
        List<String> problems = schemas.problems(xml);
        if (!problems.isEmpty()) {
            throw invalid("not valid against the EPCIS 2.0 XML schema: " + String.join("; ", problems));
        }
        return new XmlReader(json).document(parsed.document());
    }

    /** Query results as an EPCIS 2.0 XML EPCISQueryDocument. */
    public String queryDocument(List<JsonNode> events, String queryName, String subscriptionId, CbvFormat cbv) {
        Document document = newDocument();
        Element root = document.createElementNS(XmlNames.EPCIS_QUERY, "epcisq:EPCISQueryDocument");
        root.setAttributeNS(XmlNames.XMLNS, "xmlns:epcis", XmlNames.EPCIS);
        root.setAttribute("schemaVersion", "2.0");
        root.setAttribute("creationDate", MILLIS.format(OffsetDateTime.now(ZoneOffset.UTC)));
        document.appendChild(root);
        Element body = child(document, root, "EPCISBody");
        Element results = document.createElementNS(XmlNames.EPCIS_QUERY, "epcisq:QueryResults");
        body.appendChild(results);
        child(document, results, "queryName").setTextContent(queryName);
        if (subscriptionId != null) {
            child(document, results, "subscriptionID").setTextContent(subscriptionId);
        }
        Element list = child(document, child(document, results, "resultsBody"), "EventList");
        XmlWriter writer = new XmlWriter(document, cbv);
        for (JsonNode event : events) {
            Element element = writer.event(event);
            if (element != null) {
                list.appendChild(element);
            }
        }
        return serialize(document);
    }

    /** A capture job as the binding's EPCISCaptureJob element. */
    public String captureJob(JsonNode job) {
        Document document = newDocument();
        Element root = document.createElementNS(XmlNames.EPCIS, "epcis:EPCISCaptureJob");
        root.setAttribute("captureID", job.path("captureID").asString());
        root.setAttribute("running", Boolean.toString(job.path("running").asBoolean()));
        root.setAttribute("success", Boolean.toString(job.path("success").asBoolean()));
        document.appendChild(root);
        child(document, root, "captureErrorBehaviour")
                .setTextContent(job.path("captureErrorBehaviour").asString());
        child(document, root, "createdAt").setTextContent(job.path("createdAt").asString());
        if (job.has("finishedAt")) {
            child(document, root, "finishedAt")
                    .setTextContent(job.path("finishedAt").asString());
        }
        if (job.path("errors").size() > 0) {
            Element errors = child(document, root, "errors");
            for (JsonNode problem : job.path("errors")) {
                Element error = child(document, errors, "error");
                for (String field : List.of("type", "title", "status", "detail", "instance")) {
                    if (problem.has(field)) {
                        child(document, error, field)
                                .setTextContent(problem.get(field).asString());
                    }
                }
            }
        }
        return serialize(document);
    }

    /** Whether an XML answer this service wrote is valid against GS1's XSDs (for tests and checks). */
    public List<String> problems(String xml) {
        return schemas.problems(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Document newDocument() {
        try {
            return builders.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Document document, Element parent, String name) {
        Element element = document.createElementNS(null, name);
        parent.appendChild(element);
        return element;
    }

    private static String serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("an XML answer could not be written", e);
        }
    }

    private static ApiException invalid(String reason) {
        return new ApiException("EPCIS_INVALID_DOCUMENT", reason);
    }
}
