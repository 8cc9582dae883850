package io.heitu.service.epcis.query;

import java.util.List;

/**
 * {@code EQ_quantity}, {@code GT_quantity} … and their forms with a unit ({@code GE_quantity_KGM}):
 * an element of any of the event's quantity lists whose quantity compares (in that unit, when one
 * is named).
 */
final class Quantities {

    private static final List<String> LISTS =
            List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");

    private Quantities() {}

    static Condition compare(Comparison comparison, String uom, List<String> values) {
        return Condition.of(event -> {
            for (String list : LISTS) {
                for (var element : event.event().path(list)) {
                    boolean unit = uom == null || uom.equals(element.path("uom").asString(null));
                    if (unit
                            && element.path("quantity").isNumber()
                            && comparison.test(element.get("quantity"), values)) {
                        return true;
                    }
                }
            }
            return false;
        });
    }
}
