package io.heitu.service.trace;

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
 */
final class Nyt4712 {

    private Nyt4712() {}

    static ObjectNode export(
            JsonMapper json, RecallReports.Trace trace, Iterable<io.heitu.service.epcis.EventStore.Found> events) {
        Lineages.Names names = trace.names();
        JsonNode root = trace.forward().path("nodes").path(0);
        ObjectNode out = json.createObjectNode();
        out.put("standard", "NY/T 4712-2025");
        ObjectNode product = out.putObject("product");
        product.put("traceCode", root.path("lot").asString());
        product.put("productName", names.productName(root.path("gtin").asString()));
        product.put("gtin", root.path("gtin").asString());
        product.put("batchNo", root.path("lotCode").asString());
        product.put("origin", names.location(root.path("locationId").asString(null)));
        product.put("producer", names.party(root.path("producerMsp").asString(null)));
        product.put(
                "producerUscc",
                names.organisation(root.path("producerMsp").asString(""))
                        .path("uscc")
                        .asString(""));
        Map<String, JsonNode> lots = new java.util.HashMap<>();
        trace.forward().path("nodes").forEach(node -> lots.put(node.path("lot").asString(), node));
        trace.backward().path("nodes").forEach(node -> lots.put(node.path("lot").asString(), node));
        ArrayNode batches = out.putArray("batches");
        for (io.heitu.service.epcis.EventStore.Found found : events) {
            JsonNode event = found.event();
            String step = event.path("bizStep").asString("");
            String direction = step.endsWith("shipping") ? "outbound" : step.endsWith("receiving") ? "inbound" : null;
            if (direction == null) {
                continue;
            }
            for (JsonNode element : event.path("quantityList")) {
                JsonNode node = lots.get(element.path("epcClass").asString(""));
                if (node == null) {
                    continue;
                }
                ObjectNode batch = batches.addObject();
                batch.put("direction", direction);
                batch.put("directionZh", direction.equals("outbound") ? "出货" : "进货");
                batch.put("batchNo", node.path("lotCode").asString());
                batch.put("gtin", node.path("gtin").asString());
                batch.put("productName", names.productName(node.path("gtin").asString()));
                batch.put("quantity", element.path("quantity").asString(""));
                batch.put("unit", element.path("uom").asString(""));
                batch.put("date", event.path("eventTime").asString());
                String subject = found.recordedBy();
                batch.put("entity", names.party(subject));
                batch.put("entityUscc", names.organisation(subject).path("uscc").asString(""));
                String counterparty = party(event, direction.equals("outbound") ? "destinationList" : "sourceList");
                batch.put("counterparty", counterparty == null ? "" : counterpartyName(counterparty, names));
                if (counterparty != null && counterparty.startsWith("urn:heitu:org:")) {
                    batch.put(
                            "counterpartyUscc",
                            names.organisation(counterparty.substring("urn:heitu:org:".length()))
                                    .path("uscc")
                                    .asString(""));
                }
                batch.put("origin", names.location(node.path("locationId").asString(null)));
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
