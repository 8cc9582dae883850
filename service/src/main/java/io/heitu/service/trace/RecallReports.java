package io.heitu.service.trace;

import io.heitu.identity.Enrollment;
import io.heitu.service.access.ReadAccess;
import io.heitu.service.epcis.CriticalEvent;
import io.heitu.service.epcis.EventStore;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Quantity;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Assembles recall reports: the forward and backward lineage from the ledger (with holdings), and
 * the critical tracking events of every lot in them from the EPCIS read model.
 */
@Component
class RecallReports {

    /** Most event rows one report lists: a regulator's spreadsheet, not an export of the ledger. */
    static final int MAX_EVENTS = 200_000;

    private final Lineages lineages;
    private final EventStore events;
    private final ReadAccess access;

    RecallReports(Lineages lineages, EventStore events, ReadAccess access) {
        this.access = access;
        this.lineages = lineages;
        this.events = events;
    }

    /** Both lineages, and a {@link Lineages.Names} for the report's names. */
    record Trace(LineageGraph forward, LineageGraph backward, Lineages.Names names) {}

    Trace trace(Enrollment reader, String gtin, String lotCode) {
        return new Trace(
                lineages.lineage(reader, gtin, lotCode, "forward", null),
                lineages.lineage(reader, gtin, lotCode, "backward", null),
                lineages.names(reader));
    }

    RecallReport report(Enrollment reader, String gtin, String lotCode, OffsetDateTime from, OffsetDateTime to) {
        Trace trace = trace(reader, gtin, lotCode);
        Lineages.Names names = trace.names();
        Map<String, LineageGraph.Node> lots = new LinkedHashMap<>();
        List<RecallReport.Row> affected = new ArrayList<>();
        for (LineageGraph.Node node : trace.forward().nodes()) {
            if (node.status() == LotState.RESTRICTED) {
                continue; // the chaincode keeps it from this reader: no rows, no events
            }
            lots.put(node.lot(), node);
            affected.addAll(holdingRows(node, names));
        }
        List<RecallReport.Row> sources = new ArrayList<>();
        for (LineageGraph.Node node : trace.backward().nodes()) {
            if (node.depth() > 0 && node.status() != LotState.RESTRICTED) {
                lots.put(node.lot(), node);
                sources.add(lotRow("source", node, names));
            }
        }
        List<RecallReport.Row> eventRows = new ArrayList<>();
        EventLines lines = new EventLines(lots, names);
        for (CriticalEvent event : criticalEvents(lots.keySet(), from, to)) {
            eventRows.addAll(lines.rows(event));
        }
        return new RecallReport(Lineages.text(trace.forward().root()), from, to, affected, sources, eventRows);
    }

    /**
     * The critical tracking events of these lots in the window, as the signed-in user may read them:
     * the lots are ones it reads, but an event on them recorded by another organisation, on lots it
     * sees only through lineage, comes without its quantities (the chaincode says which).
     */
    List<EventStore.Found> events(Collection<String> lots, OffsetDateTime from, OffsetDateTime to) {
        return access.readable(
                events.ofLots(lots, from, to, MAX_EVENTS),
                EventStore.Found::hashId,
                EventStore.Found::withQuantitiesWithheld);
    }

    /**
     * The same events as {@link #events}, under the same read rule, as the facts a report lists of
     * them (kept beside each event by the read model, so a report does not parse the documents).
     */
    private List<CriticalEvent> criticalEvents(Collection<String> lots, OffsetDateTime from, OffsetDateTime to) {
        return access.readable(
                events.criticalOfLots(lots, from, to, MAX_EVENTS),
                CriticalEvent::hashId,
                CriticalEvent::withQuantitiesWithheld);
    }

    /** A lot downstream: one row per holder and per shipment in transit, or one row when nobody holds any. */
    private static List<RecallReport.Row> holdingRows(LineageGraph.Node node, Lineages.Names names) {
        List<RecallReport.Row> rows = new ArrayList<>();
        for (LotView.Holding holding : node.holdings()) {
            rows.add(row("affected", node, names, holding.quantity(), names.party(holding.mspId()), "holding"));
        }
        for (LotView.Transit transit : node.inTransit()) {
            rows.add(row(
                    "affected",
                    node,
                    names,
                    transit.quantity(),
                    names.party(transit.fromMsp()) + " → " + names.party(transit.toMsp()),
                    "in transit"));
        }
        if (rows.isEmpty()) {
            rows.add(lotRow("affected", node, names));
        }
        return rows;
    }

    private static RecallReport.Row lotRow(String record, LineageGraph.Node node, Lineages.Names names) {
        return row(
                record,
                node,
                names,
                node.quantity(),
                names.party(node.producerMsp()),
                node.origin() == null ? "unverified upstream" : node.origin());
    }

    private static RecallReport.Row row(
            String record, LineageGraph.Node node, Lineages.Names names, Quantity quantity, String party, String cte) {
        boolean unverified = node.status() == LotState.UNVERIFIED;
        return new RecallReport.Row(
                record,
                Lineages.text(node.lotCode()),
                Lineages.text(node.gtin()),
                unverified ? "" : names.productName(node.gtin()),
                quantity == null ? "" : quantity.amount(),
                quantity == null ? "" : Lineages.text(quantity.uom()),
                party,
                unverified ? "" : names.location(node.locationId()),
                Lineages.text(node.eventTime()),
                cte,
                null,
                null,
                unverified ? "" : names.party(node.producerMsp()),
                node.status() == null ? "" : node.status().word(),
                node.depth(),
                !unverified,
                null);
    }
}
