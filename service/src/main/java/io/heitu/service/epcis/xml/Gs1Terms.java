package io.heitu.service.epcis.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GS1 Web vocabulary terms (measurement types, sensor alert types) that EPCIS 2.0 JSON-LD
 * writes as bare words, as GS1's context files list them. XML writes them {@code gs1:Temperature};
 * a {@code gs1:} term the JSON-LD context does not know stays a compact IRI, which the JSON schema
 * takes and which means the same.
 */
final class Gs1Terms {

    private static final String PREFIX = "gs1:";

    private final Set<String> terms = new HashSet<>();

    Gs1Terms() {
        JsonMapper json = JsonMapper.builder().build();
        for (String file :
                new String[] {"gs1-context-measurement-type.jsonld", "gs1-context-sensor-alert-type.jsonld"}) {
            try (InputStream in = Gs1Terms.class.getResourceAsStream("/epcis/context/" + file)) {
                JsonNode context = json.readTree(in).path("@context");
                context.properties().forEach(term -> {
                    if (!term.getKey().startsWith("@")
                            && term.getValue().asString("").startsWith(PREFIX)) {
                        terms.add(term.getKey());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code gs1:Temperature} as {@code Temperature}; any other value as it is. */
    String term(String value) {
        String text = value.strip();
        if (text.startsWith(PREFIX) && terms.contains(text.substring(PREFIX.length()))) {
            return text.substring(PREFIX.length());
        }
        return text;
    }
}
