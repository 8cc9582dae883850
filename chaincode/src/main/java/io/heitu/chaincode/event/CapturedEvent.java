package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotClasses;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Uom;
import io.heitu.chaincode.epcis.WithheldQuantities;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An EPCIS 2.0 event from another system, read for what the ledger's rules need: its type, action,
 * business step and disposition (CBV values in any of their spellings), the lots in its quantity
 * lists, and its parties.
 */
final class CapturedEvent {

    private static final List<String> QUANTITY_LISTS = WithheldQuantities.QUANTITY_LISTS;

    /** One element of a quantity list; {@code lot} is empty when the class is not a traceability lot. */
    record Line(String list, String epcClass, LotRef lot, BigDecimal quantity, String uom) {

        /** The quantity in one of the ledger's units; refused when absent or in another unit. */
        Quantity quantity(String what) {
            if (quantity == null) {
                throw Texts.invalid(what + " of lot " + lot + " must state its quantity");
            }
            return new Quantity(quantity, Uom.of(uom == null ? "H87" : uom));
        }

        /** The quantity when the ledger can express it, else null (an unverified upstream quantity). */
        Quantity quantityOrNull() {
            try {
                return quantity == null || quantity.signum() <= 0 ? null : quantity("");
            } catch (RuntimeException notOurUnit) {
                return null;
            }
        }

        LotQuantity asLotQuantity(String what) {
            return new LotQuantity(lot.gtin(), lot.lotCode(), quantity(what));
        }
    }

    private final ObjectNode event;

    CapturedEvent(JsonNode event) {
        this.event = (ObjectNode) event;
        Texts.required("type", event.path("type").asText(null), 200);
        Texts.require("eventTime", event.get("eventTime"));
        if (!event.get("eventTime").isTextual()) {
            throw Texts.invalid("eventTime must be a date-time string");
        }
    }

    ObjectNode event() {
        return event;
    }

    String type() {
        return event.get("type").asText();
    }

    String eventTime() {
        return event.get("eventTime").asText();
    }

    String action() {
        return event.path("action").asText("");
    }

    String bizStep() {
        return cbvWord(event.path("bizStep").asText(null), "BizStep-", "urn:epcglobal:cbv:bizstep:");
    }

    String disposition() {
        return cbvWord(event.path("disposition").asText(null), "Disp-", "urn:epcglobal:cbv:disp:");
    }

    boolean declaresError() {
        return event.has("errorDeclaration");
    }

    List<Line> lines(String list) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode element : event.path(list)) {
            String epcClass = element.path("epcClass").asText(null);
            JsonNode quantity = element.get("quantity");
            lines.add(new Line(
                    list,
                    epcClass,
                    LotClasses.of(epcClass).orElse(null),
                    quantity != null && quantity.isNumber() ? quantity.decimalValue() : null,
                    element.path("uom").asText(null)));
        }
        return lines;
    }

    /** The quantity lists EPCIS 2.0 gives an event of this type. */
    List<String> quantityLists() {
        return switch (type()) {
            case "ObjectEvent", "TransactionEvent" -> List.of("quantityList");
            case "AggregationEvent", "AssociationEvent" -> List.of("childQuantityList");
            case "TransformationEvent" -> List.of("inputQuantityList", "outputQuantityList");
            default -> List.of();
        };
    }

    /** Every quantity list the event carries though its type has no such list. */
    List<String> foreignQuantityLists() {
        return QUANTITY_LISTS.stream()
                .filter(list -> event.has(list) && !quantityLists().contains(list))
                .toList();
    }

    /** Every lot the event names in any quantity list, in order, once each. */
    Set<LotRef> lots() {
        Set<LotRef> lots = new TreeSet<>();
        for (String list : QUANTITY_LISTS) {
            lines(list).stream().filter(line -> line.lot() != null).forEach(line -> lots.add(line.lot()));
        }
        return lots;
    }

    /** The first party of a CBV type in {@code sourceList} or {@code destinationList}. */
    String party(String list, String field, String type) {
        for (JsonNode entry : event.path(list)) {
            String entryType = cbvWord(entry.path("type").asText(null), "SDT-", "urn:epcglobal:cbv:sdt:");
            if (type.equals(entryType) && entry.path(field).isTextual()) {
                return entry.path(field).asText().strip();
            }
        }
        return null;
    }

    /**
     * The event as stored: self-contained, carrying the document's namespace declarations before its
     * own in {@code @context}, and without the sender's recordTime (the ledger records its own).
     */
    ObjectNode stored(List<JsonNode> documentContext) {
        ObjectNode stored = event.deepCopy();
        stored.remove("recordTime");
        if (!documentContext.isEmpty()) {
            ArrayNode context = stored.arrayNode();
            documentContext.forEach(context::add);
            JsonNode own = event.get("@context");
            if (own != null && own.isArray()) {
                own.forEach(entry -> addOnce(context, entry));
            } else if (own != null) {
                addOnce(context, own);
            }
            stored.set("@context", context);
        }
        return stored;
    }

    private static void addOnce(ArrayNode context, JsonNode entry) {
        for (JsonNode present : context) {
            if (present.equals(entry)) {
                return;
            }
        }
        context.add(entry);
    }

    /** A CBV value as its bare word, whichever of the three spellings EPCIS allows it came in. */
    static String cbvWord(String value, String webVocabularyTerm, String urnPrefix) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        String web = "https://ref.gs1.org/cbv/" + webVocabularyTerm;
        if (text.startsWith(web)) {
            return text.substring(web.length());
        }
        if (text.startsWith(urnPrefix)) {
            return text.substring(urnPrefix.length());
        }
        return text;
    }
}
