package io.heitu.service.trace;

import io.heitu.identity.Enrollment;
import io.heitu.identity.RoleAttribute;
import io.heitu.service.graph.GraphLineages;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.Location;
import io.heitu.service.ledger.wire.Organisation;
import io.heitu.service.ledger.wire.Product;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whole lineages from the chaincode ({@code lot:Lineage}, page after page) and the names a report
 * shows beside identifiers: products, organisations and locations, each read once per report.
 */
@Component
public class Lineages {

    /** Lots of one {@code lot:Lineage} page: the chaincode's largest. */
    static final int PAGE = 10_000;

    private static final Product NO_PRODUCT =
            new Product(null, null, null, null, null, null, false, null, null, null, null);
    private static final Organisation NO_ORGANISATION =
            new Organisation(null, null, null, null, null, null, null, null, null, null, null);
    private static final Location NO_LOCATION =
            new Location(null, null, null, null, null, null, null, null, null, null, null);

    private final TraceLedger ledger;
    private final GraphLineages graph;
    private final JsonMapper json;

    Lineages(TraceLedger ledger, GraphLineages graph, JsonMapper json) {
        this.ledger = ledger;
        this.graph = graph;
        this.json = json;
    }

    /**
     * Every lot and edge of the lineage in one direction ({@code backward} or {@code forward}):
     * from the lineage graph read model once it has caught up with the ledger, else from the
     * chaincode page after page. The graph answers exactly what the chaincode would.
     */
    public LineageGraph lineage(Enrollment reader, String gtin, String lotCode, String direction, Integer maxDepth) {
        if (!readsEverything(reader)) {
            // The graph holds every lot and holder; the chaincode's traversal applies the read rule.
            return fromChaincode(reader, gtin, lotCode, direction, maxDepth);
        }
        return graph.whole(gtin, lotCode, direction, maxDepth)
                .orElseGet(() -> fromChaincode(reader, gtin, lotCode, direction, maxDepth));
    }

    /** Regulators and administrators read every lot (chaincode {@code lot/Access}). */
    public static boolean readsEverything(Enrollment reader) {
        String role = RoleAttribute.of(reader.certificate());
        return role.equals("regulator") || role.equals("admin");
    }

    /** Every page of {@code lot:Lineage}. */
    LineageGraph fromChaincode(Enrollment reader, String gtin, String lotCode, String direction, Integer maxDepth) {
        LineageGraph whole = null;
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
            LineageGraph page = ledger.lineage(reader, query);
            whole = whole == null ? page : whole.and(page);
            if (page.nextOffset() == null) {
                return new LineageGraph(whole.root(), whole.direction(), whole.nodes(), whole.edges(), false, null);
            }
            offset = page.nextOffset();
        }
    }

    /** Names for identifiers, read from the ledger once each. */
    Names names(Enrollment reader) {
        return new Names(reader);
    }

    /** Product, organisation and location names for one report. */
    final class Names {
        private final Enrollment reader;
        private final Map<String, Product> products = new HashMap<>();
        private final Map<String, Organisation> organisations = new HashMap<>();
        private final Map<String, Location> locations = new HashMap<>();

        private Names(Enrollment reader) {
            this.reader = reader;
        }

        String productName(String gtin) {
            Product product =
                    products.computeIfAbsent(gtin, key -> read(() -> ledger.product(reader, key), NO_PRODUCT));
            return join(text(product.nameZh()), text(product.nameEn()));
        }

        /** The organisation; one with no field set when the ledger does not know it. */
        Organisation organisation(String mspId) {
            return organisations.computeIfAbsent(
                    mspId, key -> read(() -> ledger.organisation(reader, key), NO_ORGANISATION));
        }

        /** An organisation's name, or the party URI itself for parties outside the consortium. */
        String party(String mspId) {
            if (mspId == null) {
                return "";
            }
            Organisation organisation = organisation(mspId);
            String name = join(text(organisation.nameZh()), text(organisation.nameEn()));
            return name.isEmpty() ? mspId : name + " (" + mspId + ")";
        }

        String location(String locationId) {
            if (locationId == null) {
                return "";
            }
            Location location =
                    locations.computeIfAbsent(locationId, key -> read(() -> ledger.location(reader, key), NO_LOCATION));
            String name = text(location.nameZh());
            return name.isEmpty() ? locationId : name + " (" + locationId + ")";
        }

        /** A location URI of an event: ours ({@code urn:heitu:loc:…}) by name, others as they are. */
        String locationUri(String uri) {
            if (uri == null) {
                return "";
            }
            return uri.startsWith("urn:heitu:loc:") ? location(uri.substring("urn:heitu:loc:".length())) : uri;
        }

        private <T> T read(Supplier<T> call, T absent) {
            try {
                return call.get();
            } catch (RuntimeException notOnTheLedger) {
                return absent;
            }
        }
    }

    static String text(String value) {
        return value == null ? "" : value;
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
