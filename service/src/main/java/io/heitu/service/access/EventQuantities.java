package io.heitu.service.access;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Withholds an EPCIS event's quantities, for a reader the chaincode says sees the event only through
 * the lineage of its own goods ({@code event:Readable}'s {@code withoutQuantities}): the read
 * models keep whole events, so they remove here what the chaincode removes from its own answers.
 */
public final class EventQuantities {

    /** The EPCIS 2.0 lists whose entries carry {@code quantity} and {@code uom}. */
    static final List<String> QUANTITY_LISTS =
            List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");

    private EventQuantities() {}

    /** A copy of the event with no quantity or unit in any quantity list. */
    public static JsonNode withheld(JsonNode event) {
        JsonNode copy = event.deepCopy();
        for (String list : QUANTITY_LISTS) {
            for (JsonNode entry : copy.path(list)) {
                if (entry instanceof ObjectNode element) {
                    element.remove(List.of("quantity", "uom"));
                }
            }
        }
        return copy;
    }
}
