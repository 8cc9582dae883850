package io.heitu.service.support;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an EPCIS event means: its JSON-LD (its own {@code @context} over its document's) as RDF, canonicalised (RDFC-1.0, blank nodes relabelled
 * deterministically) and written as sorted N-Quads, with GS1's context files read from the copies
 * in the service's resources. Two events mean the same exactly when these strings are equal.
 * {@code eventID} and {@code recordTime} are left out: a repository assigns them.
 */
public final class JsonLdMeaning {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentLoader LOCAL = JsonLdMeaning::load;

    private JsonLdMeaning() {}

    /**
     * The canonical N-Quads of an event read with the given {@code @context} (the document's, when
     * the event has none of its own); empty when JSON-LD cannot read it (GS1's own example that
     * redefines a protected term).
     */
    public static Optional<String> of(JsonNode event, JsonNode documentContext) {
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        copy.remove(List.of("eventID", "recordTime"));
        if (documentContext != null) {
            // An event's own @context adds to its document's, as JSON-LD reads an embedded context.
            tools.jackson.databind.node.ArrayNode context = JSON.createArrayNode();
            for (JsonNode outer : List.of(documentContext, copy.path("@context"))) {
                if (outer.isArray()) {
                    outer.forEach(context::add);
                } else if (!outer.isMissingNode()) {
                    context.add(outer);
                }
            }
            copy.set("@context", context);
        }
        try {
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLd.toRdf(JsonDocument.of(new ByteArrayInputStream(JSON.writeValueAsBytes(copy))))
                    .loader(LOCAL)
                    .provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return Optional.of(out.toString());
        } catch (JsonLdError e) {
            return Optional.empty();
        } catch (RdfConsumerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.apicatalog.jsonld.document.Document load(URI url, DocumentLoaderOptions options)
            throws JsonLdError {
        String text = url.toString();
        String file = text.endsWith("/epcis-context.jsonld")
                ? "epcis-context-root.jsonld"
                : text.substring(text.lastIndexOf('/') + 1);
        InputStream in = JsonLdMeaning.class.getResourceAsStream("/epcis/context/" + file);
        if (in == null) {
            throw new JsonLdError(
                    com.apicatalog.jsonld.JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no local copy of " + url);
        }
        try (in) {
            return JsonDocument.of(new ByteArrayInputStream(in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new JsonLdError(com.apicatalog.jsonld.JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
        }
    }
}
