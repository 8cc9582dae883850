package io.heitu.service.app;

import java.util.List;
import java.util.Map;

/**
 * Which field of a form a ledger refusal is about, by its stable code: a lot that exists is the lot
 * code's fault, too little held the quantity's, a pre-harvest interval the date's. Each code names
 * candidate fields in order; the form's first candidate is marked.
 */
final class RefusedFields {

    private static final List<String> LOT_CODES = List.of("lotCode", "outputLot", "id", "number");
    private static final List<String> QUANTITIES = List.of("quantity", "outputQuantity", "inputQuantity", "count");
    private static final List<String> LOTS = List.of("code", "inputCode");
    private static final List<String> TIMES = List.of("eventTime");

    private static final Map<String, List<String>> BY_CODE = Map.ofEntries(
            Map.entry("LOT_EXISTS", LOT_CODES),
            Map.entry("INVALID_LOT_CODE", LOT_CODES),
            Map.entry("LOCATION_EXISTS", List.of("id")),
            Map.entry("CERTIFICATE_EXISTS", List.of("number")),
            Map.entry("INSUFFICIENT_QUANTITY", QUANTITIES),
            Map.entry("MASS_BALANCE_VIOLATED", List.of("outputQuantity", "quantity")),
            Map.entry("UNIT_MISMATCH", QUANTITIES),
            Map.entry("NOTHING_IN_TRANSIT", LOTS),
            Map.entry("LOT_NOT_FOUND", LOTS),
            Map.entry("LOT_ON_HOLD", LOTS),
            Map.entry("LOT_RECALLED", LOTS),
            Map.entry("PRE_HARVEST_INTERVAL", List.of("eventTime", "plotId")),
            Map.entry("FUTURE_EVENT_TIME", TIMES),
            Map.entry("INVALID_TIME", TIMES),
            Map.entry("LOCATION_NOT_FOUND", List.of("plotId")),
            Map.entry("PRODUCT_NOT_FOUND", List.of("gtin", "outputGtin")),
            Map.entry("INVALID_GTIN", List.of("gtin", "outputGtin", "code")),
            Map.entry("ORGANISATION_NOT_FOUND", List.of("party", "carrier")));

    private RefusedFields() {}

    /** The form's field the code is about; null when none of the form's fields is. */
    static String of(String code, String... formFields) {
        List<String> candidates = BY_CODE.getOrDefault(code, List.of());
        List<String> form = List.of(formFields);
        return candidates.stream().filter(form::contains).findFirst().orElse(null);
    }
}
