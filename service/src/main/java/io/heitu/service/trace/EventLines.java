package io.heitu.service.trace;

import io.heitu.service.epcis.CriticalEvent;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key data elements of critical tracking events, one row per lot of the report an event names:
 * what (lot, product, quantity), where (business location or read point), when, why (the CBV step),
 * with whom (source and destination parties) and on which reference documents.
 *
 * <p>Lots come from the ledger's lineage (typed); the events' facts from the EPCIS read model
 * ({@link CriticalEvent}). One instance per report: a report of a hundred thousand events names few
 * lots, places and parties, so each one's cells are worked out once.
 */
final class EventLines {

    private final Map<String, LineageGraph.Node> lots;
    private final Lineages.Names names;
    // By identity: a node is a record whose hash would walk its holdings for every row.
    private final Map<LineageGraph.Node, LotCells> lotCells = new IdentityHashMap<>();
    // A HashMap takes the null of an event without a location as a key, too.
    private final Map<String, String> locations = new HashMap<>();
    private final Map<List<CriticalEvent.Party>, String> parties = new HashMap<>();

    EventLines(Map<String, LineageGraph.Node> lots, Lineages.Names names) {
        this.lots = lots;
        this.names = names;
    }

    /** The cells of a row that depend only on its lot. */
    private record LotCells(
            String lotCode, String gtin, String product, String lotCodeSource, String status, Integer depth) {}

    List<RecallReport.Row> rows(CriticalEvent event) {
        List<RecallReport.Row> rows = new ArrayList<>();
        String location = locations.computeIfAbsent(event.location(), names::locationUri);
        String parties = this.parties.computeIfAbsent(event.parties(), this::parties);
        for (CriticalEvent.Line line : event.lines()) {
            LineageGraph.Node node = lots.get(line.epcClass());
            if (node == null) {
                continue;
            }
            LotCells lot = lotCells.computeIfAbsent(node, this::cells);
            rows.add(new RecallReport.Row(
                    "event",
                    lot.lotCode(),
                    lot.gtin(),
                    lot.product(),
                    line.quantity(),
                    line.unit(),
                    parties,
                    location,
                    event.eventTime(),
                    cte(event.step(), line.list()),
                    event.referenceTypes(),
                    event.references(),
                    lot.lotCodeSource(),
                    lot.status(),
                    lot.depth(),
                    event.verified(),
                    event.exportedId()));
        }
        return rows;
    }

    private LotCells cells(LineageGraph.Node node) {
        boolean unverified = node.status() == LotState.UNVERIFIED;
        return new LotCells(
                Lineages.text(node.lotCode()),
                Lineages.text(node.gtin()),
                unverified ? "" : names.productName(node.gtin()),
                unverified ? "" : names.party(node.producerMsp()),
                node.status() == null ? "" : node.status().word(),
                node.depth());
    }

    /** The CBV step, and for transformations whether the lot went in or came out. */
    private static String cte(String step, String list) {
        return switch (list) {
            case "inputQuantityList" -> step + " (input)";
            case "outputQuantityList" -> step + " (output)";
            default -> step;
        };
    }

    private String parties(List<CriticalEvent.Party> parties) {
        List<String> parts = new ArrayList<>();
        for (CriticalEvent.Party party : parties) {
            parts.add((party.to() ? "to " : "from ") + party(party.uri()));
        }
        return String.join("; ", parts);
    }

    private String party(String uri) {
        if (uri.startsWith("urn:heitu:org:")) {
            return names.party(uri.substring("urn:heitu:org:".length()));
        }
        return names.locationUri(uri);
    }
}
