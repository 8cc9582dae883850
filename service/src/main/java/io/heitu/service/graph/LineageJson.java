package io.heitu.service.graph;

import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Quantity;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lineage page written field by field with the mapper's own generator: the bytes the mapper
 * writes for a {@code LineageGraph} (same fields, order and omitted nulls), without a record per lot
 * and edge or the mapper's introspection — what most of a 10,000-lot answer's time went to.
 * {@code LineageJsonTest} holds it to the mapper's bytes.
 */
final class LineageJson {

    private LineageJson() {}

    static byte[] write(
            LotGraph graph,
            String root,
            boolean forward,
            LotGraph.LineagePage page,
            Integer nextOffset,
            JsonMapper json) {
        // About 700 bytes a lot with the edges that reached it.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + page.lots().length * 720);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringProperty("root", root);
            out.writeStringProperty("direction", forward ? "forward" : "backward");
            out.writeArrayPropertyStart("nodes");
            LotMarks memo = graph.standingMemo();
            for (int i = 0; i < page.lots().length; i++) {
                node(out, graph, page.lots()[i], page.depths()[i], memo);
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("edges");
            for (int i = 0; i < page.edgeCount(); i++) {
                edge(out, graph, page.edges()[2 * i], page.edges()[2 * i + 1]);
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

    private static void node(JsonGenerator out, LotGraph graph, int lot, int depth, LotMarks memo) {
        LotGraph.Detail detail = graph.detail(lot);
        out.writeStartObject();
        out.writeStringProperty("lot", graph.epcClass(lot));
        string(out, "gtin", graph.gtin(lot));
        string(out, "lotCode", graph.lotCode(lot));
        out.writeNumberProperty("depth", depth);
        LotState state = detail == null ? LotState.UNVERIFIED : graph.state(lot, memo);
        out.writeStringProperty("status", state.word());
        if (detail != null) {
            string(out, "producerMsp", detail.producerMsp());
            string(out, "locationId", detail.locationId());
            string(out, "origin", detail.origin());
            quantity(out, "quantity", detail.quantity());
            string(out, "eventTime", detail.eventTime());
        }
        out.writeArrayPropertyStart("holdings");
        if (detail != null) {
            for (LotView.Holding holding : detail.holdings()) {
                out.writeStartObject();
                string(out, "mspId", holding.mspId());
                quantity(out, "quantity", holding.quantity());
                out.writeEndObject();
            }
        }
        out.writeEndArray();
        out.writeArrayPropertyStart("inTransit");
        if (detail != null) {
            for (LotView.Transit transit : detail.inTransit()) {
                transit(out, transit);
            }
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void transit(JsonGenerator out, LotView.Transit transit) {
        out.writeStartObject();
        string(out, "fromMsp", transit.fromMsp());
        string(out, "toMsp", transit.toMsp());
        string(out, "carrierMsp", transit.carrierMsp());
        quantity(out, "quantity", transit.quantity());
        string(out, "eventId", transit.eventId());
        string(out, "shippedAt", transit.shippedAt());
        if (transit.returned() != null) {
            out.writeBooleanProperty("returned", transit.returned());
        }
        out.writeEndObject();
    }

    private static void edge(JsonGenerator out, LotGraph graph, int parent, int child) {
        LotGraph.EdgeFacts facts = graph.edgeFacts(parent, child);
        out.writeStartObject();
        out.writeStringProperty("parent", graph.epcClass(parent));
        out.writeStringProperty("child", graph.epcClass(child));
        string(out, "eventId", facts.eventId());
        string(out, "kind", facts.kind());
        string(out, "at", facts.at());
        quantity(out, "consumed", facts.consumed());
        quantity(out, "produced", facts.produced());
        out.writeEndObject();
    }

    private static void quantity(JsonGenerator out, String name, Quantity quantity) {
        if (quantity == null) {
            return;
        }
        out.writeObjectPropertyStart(name);
        if (quantity.value() != null) {
            out.writeName("value");
            out.writeNumber(quantity.value());
        }
        string(out, "uom", quantity.uom());
        out.writeEndObject();
    }

    /** A string property, left out when null (the mapper's {@code non_null}). */
    private static void string(JsonGenerator out, String name, String value) {
        if (value != null) {
            out.writeStringProperty(name, value);
        }
    }
}
