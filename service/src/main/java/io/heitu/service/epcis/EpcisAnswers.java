package io.heitu.service.epcis;

import io.heitu.service.epcis.cbv.CbvFormat;
import io.heitu.service.epcis.xml.EpcisXml;
import io.heitu.service.origin.PublicOrigin;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the EPCIS interface answers: the representation the client accepts (JSON, JSON-LD, or XML
 * where the bindings offer it), EPCs in the format it asks for, and a page's {@code Link:
 * rel="next"} and {@code GS1-Next-Page-Token-Expires} headers.
 */
@Component
public class EpcisAnswers {

    private final JsonMapper json;
    private final EpcFormats formats;
    private final EpcisXml xml;
    private final PublicOrigin origin;

    EpcisAnswers(JsonMapper json, EpcFormats formats, EpcisXml xml, PublicOrigin origin) {
        this.json = json;
        this.formats = formats;
        this.xml = xml;
        this.origin = origin;
    }

    /** A page of events as an EPCISQueryDocument, with the next page's link when there is one. */
    public ResponseEntity<String> events(
            HttpServletRequest request, List<JsonNode> events, String subscriptionId, PageTokens.Issued next) {
        return events(request, events, "SimpleEventQuery", subscriptionId, next);
    }

    public ResponseEntity<String> events(
            HttpServletRequest request,
            List<JsonNode> events,
            String queryName,
            String subscriptionId,
            PageTokens.Issued next) {
        Representation representation = Representation.negotiate(request.getHeader(HttpHeaders.ACCEPT), true);
        EpcFormat format = EpcFormat.of(request.getHeader(EpcisHeaders.EPC_FORMAT));
        List<JsonNode> formatted = new ArrayList<>();
        events.forEach(event -> formatted.add(formats.apply(event, format)));
        String body = representation == Representation.XML
                ? xml.queryDocument(
                        formatted,
                        queryName,
                        subscriptionId,
                        CbvFormat.of(request.getHeader(EpcisHeaders.CBV_XML_FORMAT)))
                : json.writeValueAsString(EpcisDocuments.queryDocument(json, formatted, queryName, subscriptionId));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(representation.type());
        paging(request, answer, next);
        return answer.body(body);
    }

    /** A JSON answer (JSON or JSON-LD as the client accepts; no XML form). */
    public ResponseEntity<String> json(
            HttpServletRequest request, HttpStatus status, JsonNode body, PageTokens.Issued next) {
        Representation representation = Representation.negotiate(request.getHeader(HttpHeaders.ACCEPT), false);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(representation.type());
        paging(request, answer, next);
        return answer.body(json.writeValueAsString(body));
    }

    /** A top-level resource's members, EPCs in the asked-for format. */
    public ResponseEntity<String> collection(
            HttpServletRequest request, List<String> members, boolean epcs, PageTokens.Issued next) {
        EpcFormat format = EpcFormat.of(request.getHeader(EpcisHeaders.EPC_FORMAT));
        List<String> formatted =
                epcs ? members.stream().map(id -> formats.convert(id, format)).toList() : members;
        return json(request, HttpStatus.OK, EpcisDocuments.collection(json, formatted), next);
    }

    private void paging(HttpServletRequest request, ResponseEntity.BodyBuilder answer, PageTokens.Issued next) {
        if (next == null) {
            return;
        }
        answer.header(HttpHeaders.LINK, "<" + nextLink(origin.url(request), request, next.token()) + ">; rel=\"next\"");
        answer.header(EpcisHeaders.NEXT_PAGE_TOKEN_EXPIRES, DateTimeFormatter.ISO_INSTANT.format(next.expires()));
    }

    /**
     * This request's URL on the configured origin (the path and query as the client wrote them, the
     * host never from its {@code Host} header) with {@code nextPageToken} set to the token.
     */
    static String nextLink(String url, HttpServletRequest request, String token) {
        StringBuilder link = new StringBuilder(url);
        String query = request.getQueryString();
        List<String> kept = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("nextPageToken=") && !pair.equals("nextPageToken")) {
                    kept.add(pair);
                }
            }
        }
        kept.add("nextPageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return link.append('?').append(String.join("&", kept)).toString();
    }
}
