package io.heitu.service.trace;

import io.heitu.service.epcis.EventStore;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The recall report's event rows as they were read from the EPCIS documents before the read model
 * kept their facts (the main code up to the change that made reports read {@code CriticalEvent}s),
 * kept verbatim as the oracle the fast path is compared with.
 */
final class DocumentLines {

    private static final List<String> LISTS =
            List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");

    private DocumentLines() {}

    static List<RecallReport.Row> rows(
            EventStore.Found found, Map<String, LineageGraph.Node> lots, Lineages.Names names) {
        JsonNode event = found.event();
        List<RecallReport.Row> rows = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode transaction : event.path("bizTransactionList")) {
            types.add(word(transaction.path("type").asString("")));
            references.add(transaction.path("bizTransaction").asString(""));
        }
        String location = names.locationUri(
                event.at("/bizLocation/id").asString(event.at("/readPoint/id").asString(null)));
        String parties = parties(event, names);
        for (String list : LISTS) {
            for (JsonNode element : event.path(list)) {
                LineageGraph.Node node = lots.get(element.path("epcClass").asString(""));
                if (node == null) {
                    continue;
                }
                boolean unverified = node.status() == LotState.UNVERIFIED;
                rows.add(new RecallReport.Row(
                        "event",
                        Lineages.text(node.lotCode()),
                        Lineages.text(node.gtin()),
                        unverified ? "" : names.productName(node.gtin()),
                        element.path("quantity").asString(""),
                        element.has("quantity") ? element.path("uom").asString("EA") : "",
                        parties,
                        location,
                        event.path("eventTime").asString(),
                        cte(event, list),
                        String.join("; ", types),
                        String.join("; ", references),
                        unverified ? "" : names.party(node.producerMsp()),
                        node.status() == null ? "" : node.status().word(),
                        node.depth(),
                        found.verified(),
                        event.path("eventID").asString()));
            }
        }
        return rows;
    }

    /** The CBV step, and for transformations whether the lot went in or came out. */
    private static String cte(JsonNode event, String list) {
        String step = word(event.path("bizStep").asString(event.path("type").asString()));
        return switch (list) {
            case "inputQuantityList" -> step + " (input)";
            case "outputQuantityList" -> step + " (output)";
            default -> step;
        };
    }

    private static String parties(JsonNode event, Lineages.Names names) {
        List<String> parts = new ArrayList<>();
        for (JsonNode source : event.path("sourceList")) {
            parts.add("from " + party(source.path("source").asString(""), names));
        }
        for (JsonNode destination : event.path("destinationList")) {
            parts.add("to " + party(destination.path("destination").asString(""), names));
        }
        return String.join("; ", parts);
    }

    private static String party(String uri, Lineages.Names names) {
        if (uri.startsWith("urn:heitu:org:")) {
            return names.party(uri.substring("urn:heitu:org:".length()));
        }
        return names.locationUri(uri);
    }

    private static String word(String value) {
        int dash = value.lastIndexOf('-');
        if (value.startsWith("https://ref.gs1.org/cbv/") && dash > 0) {
            return value.substring(dash + 1);
        }
        int colon = value.lastIndexOf(':');
        return value.startsWith("urn:epcglobal:cbv:") && colon > 0 ? value.substring(colon + 1) : value;
    }
}
