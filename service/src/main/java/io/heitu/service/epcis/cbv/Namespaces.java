package io.heitu.service.epcis.cbv;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Namespace prefixes of JSON-LD ({@code "example": "http://ns.example.com/epcis/"} in an
 * {@code @context}) and the IRIs they make of compact names, so that an extension field or a custom
 * vocabulary value means the same whichever prefix a document gave its namespace.
 */
public final class Namespaces {

    /** The prefix and namespace of our own extension fields (Jilin's). */
    public static final String JILIN_PREFIX = "jl";

    public static final String JILIN_NAMESPACE = "https://ns.heitu.io/jilin/";

    private Namespaces() {}

    /** The prefixes an event or document declares in its {@code @context}, over the standard ones. */
    public static Map<String, String> of(JsonNode eventOrDocument) {
        Map<String, String> prefixes = new LinkedHashMap<>(Vocabulary.STANDARD_PREFIXES);
        prefixes.put(JILIN_PREFIX, JILIN_NAMESPACE);
        declared(eventOrDocument == null ? null : eventOrDocument.get("@context"), prefixes);
        return prefixes;
    }

    /** Adds the prefix declarations of a {@code @context} value (a URL, an object or an array of them). */
    public static void declared(JsonNode context, Map<String, String> into) {
        if (context == null) {
            return;
        }
        if (context.isArray()) {
            context.forEach(entry -> declared(entry, into));
        } else if (context.isObject()) {
            context.properties().forEach(field -> {
                if (!field.getKey().startsWith("@") && field.getValue().isString()) {
                    into.put(field.getKey(), field.getValue().asString());
                }
            });
        }
    }

    /** The IRI of a compact name {@code prefix:local} whose prefix is declared; any other name as written. */
    public static String expand(String name, Map<String, String> prefixes) {
        if (name == null) {
            return null;
        }
        int colon = name.indexOf(':');
        if (colon <= 0 || name.startsWith("//", colon + 1)) {
            return name;
        }
        String namespace = prefixes.get(name.substring(0, colon));
        return namespace == null ? name : namespace + name.substring(colon + 1);
    }

    /** Whether a field name of an event is a user extension (a compact or absolute IRI), not a standard field. */
    public static boolean isExtension(String name) {
        return name.indexOf(':') > 0 && !name.startsWith("@");
    }
}
