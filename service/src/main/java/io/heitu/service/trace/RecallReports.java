package io.heitu.service.trace;

import io.heitu.identity.Enrollment;
import io.heitu.service.epcis.EventStore;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

    RecallReports(Lineages lineages, EventStore events) {
        this.lineages = lineages;
        this.events = events;
    }

    /** Both lineages, and a {@link Lineages.Names} for the report's names. */
    record Trace(ObjectNode forward, ObjectNode backward, Lineages.Names names) {}

    Trace trace(Enrollment reader, String gtin, String lotCode) {
        return new Trace(
                lineages.lineage(reader, gtin, lotCode, "forward", null),
                lineages.lineage(reader, gtin, lotCode, "backward", null),
                lineages.names(reader));
    }

    RecallReport report(Enrollment reader, String gtin, String lotCode, OffsetDateTime from, OffsetDateTime to) {
        Trace trace = trace(reader, gtin, lotCode);
        Lineages.Names names = trace.names();
        Map<String, JsonNode> lots = new LinkedHashMap<>();
        List<RecallReport.Row> affected = new ArrayList<>();
        for (JsonNode node : trace.forward().path("nodes")) {
            lots.put(node.path("lot").asString(), node);
            affected.addAll(holdingRows(node, names));
        }
        List<RecallReport.Row> sources = new ArrayList<>();
        for (JsonNode node : trace.backward().path("nodes")) {
            if (node.path("depth").asInt() > 0) {
                lots.put(node.path("lot").asString(), node);
                sources.add(lotRow("source", node, names));
            }
        }
        List<RecallReport.Row> eventRows = new ArrayList<>();
        for (EventStore.Found found : events.ofLots(lots.keySet(), from, to, MAX_EVENTS)) {
            eventRows.addAll(EventLines.rows(found, lots, names));
        }
        return new RecallReport(trace.forward().path("root").asString(), from, to, affected, sources, eventRows);
    }

    /** A lot downstream: one row per holder and per shipment in transit, or one row when nobody holds any. */
    private static List<RecallReport.Row> holdingRows(JsonNode node, Lineages.Names names) {
        List<RecallReport.Row> rows = new ArrayList<>();
        for (JsonNode holding : node.path("holdings")) {
            rows.add(row(
                    "affected",
                    node,
                    names,
                    holding.path("quantity"),
                    names.party(holding.path("mspId").asString()),
                    "holding"));
        }
        for (JsonNode transit : node.path("inTransit")) {
            rows.add(row(
                    "affected",
                    node,
                    names,
                    transit.path("quantity"),
                    names.party(transit.path("fromMsp").asString()) + " → "
                            + names.party(transit.path("toMsp").asString()),
                    "in transit"));
        }
        if (rows.isEmpty()) {
            rows.add(lotRow("affected", node, names));
        }
        return rows;
    }

    private static RecallReport.Row lotRow(String record, JsonNode node, Lineages.Names names) {
        return row(
                record,
                node,
                names,
                node.path("quantity"),
                names.party(node.path("producerMsp").asString(null)),
                node.path("origin").asString("unverified upstream"));
    }

    private static RecallReport.Row row(
            String record, JsonNode node, Lineages.Names names, JsonNode quantity, String party, String cte) {
        boolean unverified = "unverified".equals(node.path("status").asString());
        return new RecallReport.Row(
                record,
                node.path("lotCode").asString(),
                node.path("gtin").asString(),
                unverified ? "" : names.productName(node.path("gtin").asString()),
                quantity.path("value").asString(""),
                quantity.path("uom").asString(""),
                party,
                unverified ? "" : names.location(node.path("locationId").asString(null)),
                node.path("eventTime").asString(""),
                cte,
                null,
                null,
                unverified ? "" : names.party(node.path("producerMsp").asString(null)),
                node.path("status").asString(),
                node.path("depth").asInt(),
                !unverified,
                null);
    }
}
