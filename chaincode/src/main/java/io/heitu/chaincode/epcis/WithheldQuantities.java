package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An event as a reader who sees it only through the lineage of its own goods reads it: what
 * happened, to which lots, where and when — without how much. Quantities are the commercial part
 * of an event (a competitor's stock and sales); the lot classes stay, so the lineage still reads.
 */
public final class WithheldQuantities {

    /** The EPCIS 2.0 lists whose entries carry {@code quantity} and {@code uom}. */
    public static final List<String> QUANTITY_LISTS =
            List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");

    private WithheldQuantities() {}

    /** The same event without a quantity or unit in any quantity list (the stored one is not changed). */
    public static StoredEvent of(StoredEvent stored) {
        JsonNode copy = stored.event().deepCopy();
        for (String list : QUANTITY_LISTS) {
            for (JsonNode entry : copy.path(list)) {
                if (entry instanceof ObjectNode element) {
                    element.remove(List.of("quantity", "uom"));
                }
            }
        }
        return new StoredEvent(
                stored.eventId(),
                copy,
                stored.recordedBy(),
                stored.recordedByRole(),
                stored.txId(),
                stored.lots(),
                stored.verified(),
                stored.sourceEventId());
    }
}
