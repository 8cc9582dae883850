package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The GS1 CBV 2.0 EPCIS event hash ID of an EPCIS 2.0 JSON-LD event:
 * {@code ni:///sha-256;<lowercase hex>?ver=CBV2.0}. Two captures of the same event get the same ID
 * whatever the order of their fields and list entries, their time zone notation, or whether they
 * write GS1 keys as EPC URNs or Digital Link URIs; eventID, recordTime and errorDeclaration do not
 * take part.
 *
 * <p>Matches the hashes of the reference implementation, the Python package
 * epcis-event-hash-generator 1.9.3, on the official GS1 examples (see the test fixture
 * {@code epcis/reference-hashes.json}). Pure and deterministic: no clock, no I/O, no floating point.
 */
public final class EventHash {
    private static final String PREFIX = "ni:///sha-256;";
    private static final String SUFFIX = "?ver=CBV2.0";

    private EventHash() {}

    /**
     * Hash of an event given as EPCIS 2.0 JSON-LD; namespace prefixes for extension fields come from
     * the event's own "@context" (if any) merged over the given document-level prefixes.
     */
    public static String of(JsonNode event, Map<String, String> documentPrefixes) {
        byte[] preHash = preHashString(event, documentPrefixes).getBytes(StandardCharsets.UTF_8);
        return PREFIX + HexFormat.of().formatHex(sha256(preHash)) + SUFFIX;
    }

    /** Hash of an event whose extension prefixes, if any, are declared in its own "@context". */
    public static String of(JsonNode event) {
        return of(event, Map.of());
    }

    /** The pre-hash string (for tests and debugging). */
    static String preHashString(JsonNode event, Map<String, String> documentPrefixes) {
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException("an EPCIS event is a JSON object");
        }
        Map<String, String> prefixes = new TreeMap<>(documentPrefixes);
        prefixes.putAll(prefixesOf(event.get("@context")));
        return EventHashWriter.write(EventHashTree.of(event, prefixes));
    }

    /**
     * Prefix map declared by a document/event "@context" (string URLs ignored, objects' "prefix":
     * "iri" entries kept). Later objects override earlier ones; JSON-LD keywords and term
     * definitions that are objects are skipped.
     */
    public static Map<String, String> prefixesOf(JsonNode context) {
        SortedMap<String, String> prefixes = new TreeMap<>();
        if (context != null && context.isArray()) {
            context.forEach(entry -> addPrefixes(entry, prefixes));
        } else if (context != null) {
            addPrefixes(context, prefixes);
        }
        return Collections.unmodifiableSortedMap(prefixes);
    }

    private static void addPrefixes(JsonNode entry, Map<String, String> prefixes) {
        entry.properties().forEach(field -> {
            if (!field.getKey().startsWith("@") && field.getValue().isTextual()) {
                prefixes.put(field.getKey(), field.getValue().textValue());
            }
        });
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException everyJavaPlatformHasSha256) {
            throw new IllegalStateException(everyJavaPlatformHasSha256);
        }
    }
}
