package io.heitu.chaincode.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** EPCIS 2.0 events as another system would send them to {@code event:Capture}, for tests. */
public final class Epcis {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Epcis() {}

    /** The {@code event:Capture} request for these events, with the GS1 context. */
    public static String capture(List<ObjectNode> events) {
        return J.write(J.map(
                "context", J.list("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"), "events", events));
    }

    public static ObjectNode event(String type, String bizStep, String time) {
        ObjectNode event =
                JSON.createObjectNode().put("type", type).put("eventTime", time).put("eventTimeZoneOffset", "+08:00");
        if (bizStep != null) {
            event.put("bizStep", bizStep);
        }
        return event;
    }

    /** An ObjectEvent OBSERVE with a lot quantity in {@code quantityList}. */
    public static ObjectNode objectEvent(
            String bizStep, String time, String gtin, String lotCode, String value, String uom) {
        ObjectNode event = event("ObjectEvent", bizStep, time).put("action", "OBSERVE");
        event.putArray("quantityList").add(line(gtin, lotCode, value, uom));
        return event;
    }

    public static ObjectNode shipping(
            String time, String gtin, String lotCode, String value, String uom, String toMsp) {
        ObjectNode event = objectEvent("shipping", time, gtin, lotCode, value, uom);
        event.putArray("destinationList")
                .addObject()
                .put("type", "owning_party")
                .put("destination", "urn:heitu:org:" + toMsp);
        return event;
    }

    public static ObjectNode line(String gtin, String lotCode, String value, String uom) {
        return element("https://id.gs1.org/01/" + gtin + "/10/" + lotCode, value, uom);
    }

    public static ObjectNode element(String epcClass, String value, String uom) {
        return JSON.createObjectNode()
                .put("epcClass", epcClass)
                .put("quantity", new BigDecimal(value))
                .put("uom", uom);
    }
}
