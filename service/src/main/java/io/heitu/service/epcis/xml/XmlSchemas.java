package io.heitu.service.epcis.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

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
    private final SAXParserFactory sax;

    public XmlSchemas() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Imports resolve to our own copies on the classpath, never to the network or a file.
            factory.setResourceResolver(XmlSchemas::imported);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
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
            sax = SAXParserFactory.newInstance();
            sax.setNamespaceAware(true);
            sax.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            sax.setFeature("http://xml.org/sax/features/external-general-entities", false);
            sax.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            sax.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            sax.setXIncludeAware(false);
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

    /**
     * What makes a document invalid against GS1's XSDs (at most 20 findings, with their lines);
     * empty when valid. The document is read again by a hardened SAX parser, which knows lines.
     */
    public List<String> problems(byte[] xml) {
        List<String> problems = new ArrayList<>();
        try {
            XMLReader reader = sax.newSAXParser().getXMLReader();
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(collector(problems));
            validator.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(describe(e));
            }
        } catch (IOException | ParserConfigurationException e) {
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
        return new StreamSource(stream(name), "classpath:" + XSD + name);
    }

    /** An imported schema ({@code ./EPCglobal.xsd} …) from the classpath copy. */
    private static LSInput imported(String type, String namespace, String publicId, String systemId, String base) {
        String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
        return new ClasspathInput(publicId, systemId, base, stream(name));
    }

    private static InputStream stream(String name) {
        InputStream in = XmlSchemas.class.getResourceAsStream(XSD + name);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + XSD + name);
        }
        return in;
    }

    /** An LSInput over a classpath stream. */
    private record ClasspathInput(String getPublicId, String getSystemId, String getBaseURI, InputStream getByteStream)
            implements LSInput {

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {}

        @Override
        public void setByteStream(InputStream byteStream) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {}

        @Override
        public void setSystemId(String systemId) {}

        @Override
        public void setPublicId(String publicId) {}

        @Override
        public void setBaseURI(String baseURI) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {}
    }
}
