package io.heitu.service.trace;

import io.heitu.service.ledger.wire.LineageGraph;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inbound and outbound batches of a lot's chain in the shape of China's agricultural product
 * traceability data format (NY/T 4712-2025): the traced product (追溯码, 产品名称, 商品条码, 批次号),
 * and per batch movement its direction (进货 inbound: receiving; 出货 outbound: shipping), date,
 * quantity and unit, the business entity recording it (生产经营主体, with its unified social credit
 * code 统一社会信用代码) and the counterparty (供货方 / 购货方), origin (产地) and voucher (票据号).
 * README.md lists the mapping and what does not fit.
 *
 * <p>Lots come from the ledger's lineage (typed); the movements are EPCIS documents from the EPCIS
 * read model ({@link io.heitu.service.epcis.EventStore}), open JSON-LD read by field here, as the
 * EPCIS interface serves them.
 */
final class Nyt4712 {

    private Nyt4712() {}

    static ObjectNode export(
            JsonMapper json, RecallReports.Trace trace, Iterable<io.heitu.service.epcis.EventStore.Found> events) {
        Lineages.Names names = trace.names();
        LineageGraph.Node root = trace.forward().nodes().isEmpty()
                ? new LineageGraph.Node(null, null, null, 0, null, null, null, null, null, null, null, null)
                : trace.forward().nodes().get(0);
        ObjectNode out = json.createObjectNode();
        out.put("standard", "NY/T 4712-2025");
        ObjectNode product = out.putObject("product");
        product.put("traceCode", Lineages.text(root.lot()));
        product.put("productName", names.productName(Lineages.text(root.gtin())));
        product.put("gtin", Lineages.text(root.gtin()));
        product.put("batchNo", Lineages.text(root.lotCode()));
        product.put("origin", names.location(root.locationId()));
        product.put("producer", names.party(root.producerMsp()));
        product.put("producerUscc", uscc(names, Lineages.text(root.producerMsp())));
        Map<String, LineageGraph.Node> lots = new java.util.HashMap<>();
        trace.forward().nodes().forEach(node -> lots.put(node.lot(), node));
        trace.backward().nodes().forEach(node -> lots.put(node.lot(), node));
        ArrayNode batches = out.putArray("batches");
        for (io.heitu.service.epcis.EventStore.Found found : events) {
            JsonNode event = found.event();
            String step = event.path("bizStep").asString("");
            String direction = step.endsWith("shipping") ? "outbound" : step.endsWith("receiving") ? "inbound" : null;
            if (direction == null) {
                continue;
            }
            for (JsonNode element : event.path("quantityList")) {
                LineageGraph.Node node = lots.get(element.path("epcClass").asString(""));
                if (node == null) {
                    continue;
                }
                ObjectNode batch = batches.addObject();
                batch.put("direction", direction);
                batch.put("directionZh", direction.equals("outbound") ? "出货" : "进货");
                batch.put("batchNo", Lineages.text(node.lotCode()));
                batch.put("gtin", Lineages.text(node.gtin()));
                batch.put("productName", names.productName(Lineages.text(node.gtin())));
                batch.put("quantity", element.path("quantity").asString(""));
                batch.put("unit", element.path("uom").asString(""));
                batch.put("date", event.path("eventTime").asString());
                String subject = found.recordedBy();
                batch.put("entity", names.party(subject));
                batch.put("entityUscc", uscc(names, subject));
                String counterparty = party(event, direction.equals("outbound") ? "destinationList" : "sourceList");
                batch.put("counterparty", counterparty == null ? "" : counterpartyName(counterparty, names));
                if (counterparty != null && counterparty.startsWith("urn:heitu:org:")) {
                    batch.put("counterpartyUscc", uscc(names, counterparty.substring("urn:heitu:org:".length())));
                }
                batch.put("origin", names.location(node.locationId()));
                batch.put(
                        "voucherNo",
                        event.path("bizTransactionList")
                                .path(0)
                                .path("bizTransaction")
                                .asString(""));
                batch.put("eventId", event.path("eventID").asString());
            }
        }
        return out;
    }

    private static String uscc(Lineages.Names names, String mspId) {
        return Lineages.text(names.organisation(mspId).uscc());
    }

    private static String party(JsonNode event, String list) {
        String field = list.equals("sourceList") ? "source" : "destination";
        for (JsonNode entry : event.path(list)) {
            if (entry.path("type").asString("").endsWith("owning_party")) {
                return entry.path(field).asString();
            }
        }
        return null;
    }

    private static String counterpartyName(String uri, Lineages.Names names) {
        return uri.startsWith("urn:heitu:org:") ? names.party(uri.substring("urn:heitu:org:".length())) : uri;
    }
}
