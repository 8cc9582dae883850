package io.heitu.service.epcis;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GS1's official EPCIS 2.0 JSON schema (a copy in {@code resources/epcis/}): every captured
 * document and event is checked against it, and so is everything the service exports.
 */
@Component
public class EpcisSchema {

    private static final String LOCATION = "/epcis/EPCIS-JSON-Schema.json";
    /** Enough to say what is wrong without echoing a whole hostile document back. */
    private static final int MAX_REPORTED = 20;

    private final Schema schema;

    public EpcisSchema() {
        try (InputStream in = EpcisSchema.class.getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("the EPCIS schema is missing from the classpath: " + LOCATION);
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What makes the document or event invalid (at most 20 findings, with where); empty when valid. */
    public List<String> problems(JsonNode documentOrEvent) {
        List<Error> errors = schema.validate(documentOrEvent);
        List<String> problems = new java.util.ArrayList<>(errors.stream()
                .limit(MAX_REPORTED)
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList());
        unstorable(documentOrEvent, "", problems);
        return problems.stream().limit(MAX_REPORTED).toList();
    }

    /** Longest number, written out in full, that the ledger's JSON reader takes back. */
    private static final int MAX_NUMBER_CHARS = 40;

    /**
     * What the schema allows but the ledger could not store and read back: a string or name with
     * an unpaired surrogate (not Unicode text; RFC 8259 §8.2), a number longer than the ledger's
     * reader takes once written out in full (1e300).
     */
    private static void unstorable(JsonNode node, String at, List<String> problems) {
        if (problems.size() >= MAX_REPORTED) {
            return;
        }
        if (node.isNumber()) {
            java.math.BigDecimal value = node.decimalValue();
            if (value.stripTrailingZeros().toPlainString().length() > MAX_NUMBER_CHARS) {
                problems.add(at + ": number of more than " + MAX_NUMBER_CHARS + " digits");
            }
        } else if (node.isString()) {
            if (!wellFormed(node.asString())) {
                problems.add(at + ": text with an unpaired surrogate");
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                if (!wellFormed(field.getKey())) {
                    problems.add(at + ": a name with an unpaired surrogate");
                }
                unstorable(field.getValue(), at + "/" + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unstorable(node.get(i), at + "/" + i, problems);
            }
        }
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
