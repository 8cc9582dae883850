package io.heitu.service.epcis.query;

import java.util.function.Predicate;

/**
 * One restriction of a SimpleEventQuery. Every condition can test an event; those the read model
 * indexes also narrow the SQL that finds candidates, and say whether that SQL decides exactly (then
 * the test is not run again).
 */
public interface Condition {

    boolean test(EventView event);

    /** Adds what the read model can check; true when that alone decides the condition. */
    default boolean narrow(Sql sql) {
        return false;
    }

    /** A condition the read model has no column for: tested on each candidate event. */
    static Condition of(Predicate<EventView> test) {
        return test::test;
    }
}
