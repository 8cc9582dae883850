package io.heitu.service.graph;

import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Quantity;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lineage page in the compact shape ({@code ?shape=compact}): the same facts as the full shape,
 * positionally, with every lot URI written once and every repeated word (organisation, place,
 * unit, status, event ID, time) once in a string table. A 10,000-lot page in the full shape repeats
 * both ends' URIs on every edge and the same few organisations on every lot: about 700 bytes a lot
 * against about 130 here, and a regulator's client, not the server, spends what is left.
 *
 * <pre>{@code
 * {"root", "direction", "shape": "compact",
 *  "nodes": [[gtin, lotCode, depth, status, producerMsp, locationId, origin, quantity, eventTime,
 *             [[mspId, quantity] …holdings], [[fromMsp, toMsp, carrierMsp, quantity, eventId, shippedAt, returned] …inTransit]] …],
 *  "edges": [[parent, child, eventId, kind, at, consumed, produced] …],
 *  "lots": [lot URI …],   node i is lots[i]; edges' parent and child index this list
 *  "strings": [text …],   every gtin, status, msp, place, origin, time, event ID and kind above indexes this list
 *  "truncated", "nextOffset"}
 * }</pre>
 *
 * A quantity is {@code [value, uom]} (uom a string index); an absent field is {@code null}. {@code
 * LineageJsonTest} expands compact pages back to the full shape and holds them equal.
 */
final class LineageCompactJson {

    private LineageCompactJson() {}

    static byte[] write(
            LotGraph graph,
            String root,
            boolean forward,
            LotGraph.LineagePage page,
            Integer nextOffset,
            JsonMapper json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + page.lots().length * 160);
        Table table = new Table(page);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringProperty("root", root);
            out.writeStringProperty("direction", forward ? "forward" : "backward");
            out.writeStringProperty("shape", "compact");
            out.writeArrayPropertyStart("nodes");
            LotMarks memo = graph.standingMemo();
            for (int i = 0; i < page.lots().length; i++) {
                node(out, graph, table, page.lots()[i], page.depths()[i], memo);
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("edges");
            for (int i = 0; i < page.edgeCount(); i++) {
                edge(out, graph, table, page.edges()[2 * i], page.edges()[2 * i + 1]);
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("lots");
            for (int lot : table.lots) {
                out.writeString(graph.epcClass(lot));
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("strings");
            for (String text : table.strings.keySet()) {
                out.writeString(text);
            }
            out.writeEndArray();
            out.writeBooleanProperty("truncated", page.more());
            if (nextOffset != null) {
                out.writeNumberProperty("nextOffset", nextOffset.intValue());
            }
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** The page's lots (its nodes first, in order, then the other ends of its edges) and its words. */
    private static final class Table {
        final List<Integer> lots;
        final Map<Integer, Integer> lotIndex;
        final Map<String, Integer> strings = new LinkedHashMap<>();

        Table(LotGraph.LineagePage page) {
            lots = new java.util.ArrayList<>(page.lots().length + 16);
            lotIndex = new HashMap<>(page.lots().length * 2);
            for (int lot : page.lots()) {
                lot(lot);
            }
        }

        int lot(int lot) {
            Integer index = lotIndex.get(lot);
            if (index == null) {
                index = lots.size();
                lots.add(lot);
                lotIndex.put(lot, index);
            }
            return index;
        }

        void string(JsonGenerator out, String text) {
            if (text == null) {
                out.writeNull();
                return;
            }
            Integer index = strings.get(text);
            if (index == null) {
                index = strings.size();
                strings.put(text, index);
            }
            out.writeNumber(index.intValue());
        }
    }

    private static void node(JsonGenerator out, LotGraph graph, Table table, int lot, int depth, LotMarks memo) {
        LotGraph.Detail detail = graph.detail(lot);
        out.writeStartArray();
        table.string(out, graph.gtin(lot));
        if (graph.lotCode(lot) == null) {
            out.writeNull();
        } else {
            out.writeString(graph.lotCode(lot));
        }
        out.writeNumber(depth);
        LotState state = detail == null ? LotState.UNVERIFIED : graph.state(lot, memo);
        table.string(out, state.word());
        table.string(out, detail == null ? null : detail.producerMsp());
        table.string(out, detail == null ? null : detail.locationId());
        table.string(out, detail == null ? null : detail.origin());
        quantity(out, table, detail == null ? null : detail.quantity());
        table.string(out, detail == null ? null : detail.eventTime());
        out.writeStartArray();
        if (detail != null) {
            for (LotView.Holding holding : detail.holdings()) {
                out.writeStartArray();
                table.string(out, holding.mspId());
                quantity(out, table, holding.quantity());
                out.writeEndArray();
            }
        }
        out.writeEndArray();
        out.writeStartArray();
        if (detail != null) {
            for (LotView.Transit transit : detail.inTransit()) {
                out.writeStartArray();
                table.string(out, transit.fromMsp());
                table.string(out, transit.toMsp());
                table.string(out, transit.carrierMsp());
                quantity(out, table, transit.quantity());
                table.string(out, transit.eventId());
                table.string(out, transit.shippedAt());
                if (transit.returned() == null) {
                    out.writeNull();
                } else {
                    out.writeBoolean(transit.returned());
                }
                out.writeEndArray();
            }
        }
        out.writeEndArray();
        out.writeEndArray();
    }

    private static void edge(JsonGenerator out, LotGraph graph, Table table, int parent, int child) {
        LotGraph.EdgeFacts facts = graph.edgeFacts(parent, child);
        out.writeStartArray();
        out.writeNumber(table.lot(parent));
        out.writeNumber(table.lot(child));
        table.string(out, facts.eventId());
        table.string(out, facts.kind());
        table.string(out, facts.at());
        quantity(out, table, facts.consumed());
        quantity(out, table, facts.produced());
        out.writeEndArray();
    }

    private static void quantity(JsonGenerator out, Table table, Quantity quantity) {
        if (quantity == null) {
            out.writeNull();
            return;
        }
        out.writeStartArray();
        if (quantity.value() == null) {
            out.writeNull();
        } else {
            out.writeNumber(quantity.value());
        }
        table.string(out, quantity.uom());
        out.writeEndArray();
    }
}
