package io.heitu.service.epcis.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parsing and validation of EPCIS 2.0 XML with the JDK's JAXP: GS1's XSDs (a copy in
 * {@code resources/epcis/xsd/}) decide what is a valid document. Parsing is hardened for input from
 * strangers: no external entities or DTDs, no remote schemas, JAXP's secure-processing limits on
 * entity expansion.
 */
public final class XmlSchemas {

    private static final String XSD = "/epcis/xsd/";
    /** Enough to say what is wrong without echoing a whole hostile document back. */
    private static final int MAX_REPORTED = 20;

    private final Schema schema;
    private final DocumentBuilderFactory parsers;

    public XmlSchemas() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Only our own copies on the classpath (a file or a jar), never the network.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schema = factory.newSchema(
                    new Source[] {source("EPCglobal-epcis-2_0.xsd"), source("EPCglobal-epcis-query-2_0.xsd")});
            parsers = DocumentBuilderFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            parsers.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            parsers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parsers.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parsers.setExpandEntityReferences(false);
            parsers.setXIncludeAware(false);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("GS1's EPCIS XML schemas cannot be loaded", e);
        }
    }

    /** A parsed document, or why it is not well-formed XML. */
    public record Parsed(Document document, List<String> problems) {}

    public Parsed parse(byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            DocumentBuilder builder = parsers.newDocumentBuilder();
            builder.setErrorHandler(collector(problems));
            Document document = builder.parse(new ByteArrayInputStream(xml));
            return new Parsed(document, problems);
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(describe(e));
            }
            return new Parsed(null, problems);
        } catch (IOException | ParserConfigurationException e) {
            return new Parsed(null, List.of("not readable as XML"));
        }
    }

    /** What makes a document invalid against GS1's XSDs (at most 20 findings, with where); empty when valid. */
    public List<String> problems(Document document) {
        List<String> problems = new ArrayList<>();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(collector(problems));
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(describe(e));
            }
        } catch (IOException e) {
            problems.add("not readable as XML");
        }
        return problems.size() > MAX_REPORTED ? problems.subList(0, MAX_REPORTED) : problems;
    }

    private static ErrorHandler collector(List<String> problems) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a document invalid
            }

            @Override
            public void error(SAXParseException e) {
                if (problems.size() < MAX_REPORTED) {
                    problems.add(describe(e));
                }
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                error(e);
                throw e;
            }
        };
    }

    private static String describe(SAXException e) {
        String message = e.getMessage() == null ? "invalid XML" : e.getMessage();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return e instanceof SAXParseException at && at.getLineNumber() > 0
                ? "line " + at.getLineNumber() + ": " + message
                : message;
    }

    private static StreamSource source(String name) {
        URL url = XmlSchemas.class.getResource(XSD + name);
        if (url == null) {
            throw new IllegalStateException("missing from the classpath: " + XSD + name);
        }
        return new StreamSource(url.toExternalForm());
    }
}
