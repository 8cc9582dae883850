package io.heitu.service.epcis;

import io.heitu.service.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies of capture requests, read here rather than by a message converter: at most the capture
 * file-size limit (413 beyond it, chunked bodies included), in the media types the bindings take
 * (JSON, JSON-LD, and for documents XML; 415 for anything else).
 */
public final class RequestBodies {

    /** The binding a body comes in. */
    public enum Kind {
        JSON,
        XML
    }

    private RequestBodies() {}

    public static Kind kind(HttpServletRequest request, boolean xmlTaken) {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            throw unsupported(xmlTaken);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw unsupported(xmlTaken);
        }
        boolean application = type.getType().equals("application");
        if (application
                && (type.getSubtype().equals("json") || type.getSubtype().equals("ld+json"))) {
            return Kind.JSON;
        }
        boolean xml = type.getSubtype().equals("xml")
                && (application || type.getType().equals("text"));
        if (xml && xmlTaken) {
            return Kind.XML;
        }
        throw unsupported(xmlTaken);
    }

    public static byte[] read(HttpServletRequest request, int limit) {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new ApiException(
                        "PAYLOAD_TOO_LARGE",
                        "the body is larger than " + limit + " bytes (GS1-EPCIS-Capture-File-Size-Limit)");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(JsonMapper json, byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiException("EPCIS_INVALID_DOCUMENT", "the body is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ApiException("EPCIS_INVALID_DOCUMENT", "the body is not valid JSON");
        }
    }

    private static ApiException unsupported(boolean xmlTaken) {
        return new ApiException(
                "UNSUPPORTED_MEDIA_TYPE",
                xmlTaken
                        ? "send application/json, application/ld+json or application/xml"
                        : "send application/json or application/ld+json");
    }
}
