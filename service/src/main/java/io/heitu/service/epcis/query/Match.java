package io.heitu.service.epcis.query;

import io.heitu.service.epcis.identifier.EpcPattern;
import io.heitu.service.epcis.identifier.Gs1Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code MATCH_} parameter: an event names, in one of the given fields, an identifier equal to one
 * of the values (both canonical, so an EPC URN and its Digital Link are the same EPC) or matching
 * one of the EPC patterns.
 */
record Match(List<String> eventFields, Set<String> exact, List<EpcPattern> patterns) implements Condition {

    /** The read model's identifier field for each event field. */
    private static final Map<String, String> ROW_FIELDS = Map.of(
            "epcList", "epc",
            "childEPCs", "child",
            "parentID", "parent",
            "inputEPCList", "input",
            "outputEPCList", "output",
            "quantityList", "class",
            "childQuantityList", "class",
            "inputQuantityList", "inputClass",
            "outputQuantityList", "outputClass");

    Match {
        eventFields = List.copyOf(eventFields);
        exact = Set.copyOf(exact);
        patterns = List.copyOf(patterns);
    }

    @Override
    public boolean test(EventView event) {
        for (String field : eventFields) {
            for (String id : event.identifiers(field)) {
                if (exact.contains(id) || patterns.stream().anyMatch(pattern -> pattern.matches(id))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean narrow(Sql sql) {
        List<String> rowFields =
                eventFields.stream().map(ROW_FIELDS::get).distinct().toList();
        StringBuilder ids = new StringBuilder();
        List<Object> values = new ArrayList<>();
        values.add(rowFields);
        if (!exact.isEmpty()) {
            ids.append("i.id IN (?)");
            values.add(Sql.list(exact));
        }
        for (EpcPattern pattern : patterns) {
            String prefix = pattern.digitalLinkPrefix().orElse(Gs1Key.CANONICAL_BASE + pattern.primaryAi() + "/");
            ids.append(ids.isEmpty() ? "" : " OR ").append("i.id LIKE ? ESCAPE '\\'");
            values.add(Sql.startsWith(prefix));
        }
        sql.and(
                "e.no IN (SELECT i.event FROM epcis_event_id i WHERE i.field IN (?) AND (" + ids + "))",
                values.toArray());
        return patterns.isEmpty();
    }
}
