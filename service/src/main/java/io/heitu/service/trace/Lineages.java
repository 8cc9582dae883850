package io.heitu.service.trace;

import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.TraceLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole lineages from the chaincode ({@code lot:Lineage}, page after page) and the names a report
 * shows beside identifiers: products, organisations and locations, each read once per report.
 */
@Component
public class Lineages {

    /** Lots of one {@code lot:Lineage} page: the chaincode's largest. */
    static final int PAGE = 10_000;

    private final TraceLedger ledger;
    private final JsonMapper json;

    /**
     * The chaincode's own answers, not a request: a page of 10,000 lots is several megabytes, more
     * than the process-wide limit on request documents allows.
     */
    private final JsonMapper answers = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(512L * 1024 * 1024)
                            .maxStringLength(64 * 1024 * 1024)
                            .build())
                    .build())
            .build();

    Lineages(TraceLedger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    /** Every lot and edge of the lineage in one direction ({@code backward} or {@code forward}). */
    public ObjectNode lineage(Enrollment reader, String gtin, String lotCode, String direction, Integer maxDepth) {
        ObjectNode whole = null;
        int offset = 0;
        while (true) {
            ObjectNode query = json.createObjectNode()
                    .put("gtin", gtin)
                    .put("lotCode", lotCode)
                    .put("direction", direction)
                    .put("pageSize", PAGE)
                    .put("offset", offset);
            if (maxDepth != null) {
                query.put("maxDepth", maxDepth);
            }
            ObjectNode page = (ObjectNode) answers.readTree(ledger.lineage(reader, query));
            if (whole == null) {
                whole = page;
            } else {
                ((ArrayNode) whole.get("nodes")).addAll((ArrayNode) page.get("nodes"));
                ((ArrayNode) whole.get("edges")).addAll((ArrayNode) page.get("edges"));
            }
            if (!page.path("nextOffset").isNumber()) {
                whole.put("truncated", false);
                whole.remove("nextOffset");
                return whole;
            }
            offset = page.path("nextOffset").asInt();
        }
    }

    /** Names for identifiers, read from the ledger once each. */
    Names names(Enrollment reader) {
        return new Names(reader);
    }

    /** Product, organisation and location names for one report. */
    final class Names {
        private final Enrollment reader;
        private final Map<String, JsonNode> products = new HashMap<>();
        private final Map<String, JsonNode> organisations = new HashMap<>();
        private final Map<String, JsonNode> locations = new HashMap<>();

        private Names(Enrollment reader) {
            this.reader = reader;
        }

        JsonNode product(String gtin) {
            return products.computeIfAbsent(gtin, key -> read(() -> ledger.product(reader, key)));
        }

        String productName(String gtin) {
            JsonNode product = product(gtin);
            return join(
                    product.path("nameZh").asString(""), product.path("nameEn").asString(""));
        }

        JsonNode organisation(String mspId) {
            return organisations.computeIfAbsent(mspId, key -> read(() -> ledger.organisation(reader, key)));
        }

        /** An organisation's name, or the party URI itself for parties outside the consortium. */
        String party(String mspId) {
            if (mspId == null) {
                return "";
            }
            JsonNode organisation = organisation(mspId);
            String name = join(
                    organisation.path("nameZh").asString(""),
                    organisation.path("nameEn").asString(""));
            return name.isEmpty() ? mspId : name + " (" + mspId + ")";
        }

        String location(String locationId) {
            if (locationId == null) {
                return "";
            }
            JsonNode location = locations.computeIfAbsent(locationId, key -> read(() -> ledger.location(reader, key)));
            String name = location.path("nameZh").asString("");
            return name.isEmpty() ? locationId : name + " (" + locationId + ")";
        }

        /** A location URI of an event: ours ({@code urn:heitu:loc:…}) by name, others as they are. */
        String locationUri(String uri) {
            if (uri == null) {
                return "";
            }
            return uri.startsWith("urn:heitu:loc:") ? location(uri.substring("urn:heitu:loc:".length())) : uri;
        }

        private JsonNode read(java.util.function.Supplier<String> call) {
            try {
                return json.readTree(call.get());
            } catch (RuntimeException notOnTheLedger) {
                return json.createObjectNode();
            }
        }
    }

    static String join(String zh, String en) {
        List<String> parts = new ArrayList<>();
        if (!zh.isBlank()) {
            parts.add(zh);
        }
        if (!en.isBlank()) {
            parts.add(en);
        }
        return String.join(" / ", parts);
    }
}
