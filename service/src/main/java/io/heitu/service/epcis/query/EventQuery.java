package io.heitu.service.epcis.query;

import java.util.List;

/**
 * A SimpleEventQuery: its conditions (all must hold), the order of its results, the standard's two
 * limits, and a fingerprint that binds a nextPageToken to the query it was issued for.
 */
public record EventQuery(
        List<Condition> conditions, Order order, Integer eventCountLimit, Integer maxEventCount, String fingerprint) {

    public EventQuery {
        conditions = List.copyOf(conditions);
    }

    /**
     * How results are ordered: by a read-model column ({@code eventTime}, {@code recordTime}) or by
     * an extension field (an IRI, or a compact name whose prefix was not declared).
     */
    public record Order(String field, boolean descending) {

        public static final Order DEFAULT = new Order("eventTime", false);

        public boolean byColumn() {
            return field.equals("eventTime") || field.equals("recordTime");
        }

        public String column() {
            return field.equals("recordTime") ? "record_time" : "event_time";
        }
    }

    /** The same query with one more condition (the top-level resources: /bizSteps/{bizStep}/events …). */
    public EventQuery and(Condition condition, String describedAs) {
        List<Condition> more = new java.util.ArrayList<>(conditions);
        more.add(condition);
        return new EventQuery(more, order, eventCountLimit, maxEventCount, fingerprint + "|" + describedAs);
    }
}
