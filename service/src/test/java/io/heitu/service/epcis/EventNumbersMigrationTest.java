package io.heitu.service.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V8 numbers the read model's events and relinks the tables that named them by digest. A data
 * directory an older version left keeps what it held: every identifier, report fact and lot still
 * belongs to the same event, change numbers (what subscriptions deliver past) and the feed's block
 * are unchanged, and an event stored afterwards gets a number of its own.
 */
class EventNumbersMigrationTest {

    private static final String FIRST = "a".repeat(64);
    private static final String SECOND = "1".repeat(64);
    private static final String THIRD = "f0".repeat(32);

    @Test
    void what_an_older_read_model_held_still_belongs_to_the_same_events() {
        JdbcDataSource data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:numbers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(data, "7");
        JdbcClient jdbc = JdbcClient.create(data);
        // Change numbers in another order than the digests, as an event changed later leaves them.
        event(jdbc, FIRST, 7);
        event(jdbc, SECOND, 3);
        event(jdbc, THIRD, 9);
        ids(jdbc, FIRST, "lot", "https://id.gs1.org/01/06901234500011/10/A");
        ids(jdbc, FIRST, "class", "urn:epc:class:lgtn:690123.4500011.A");
        ids(jdbc, SECOND, "lot", "https://id.gs1.org/01/06901234500011/10/B");
        ids(jdbc, THIRD, "lot", "https://id.gs1.org/01/06901234500011/10/A");
        ids(jdbc, THIRD, "lot", "https://id.gs1.org/01/06901234500011/10/B");
        // The report facts of two of them (the second's were never filled in), numbered as V7 did.
        long third = facts(jdbc, THIRD, "收获");
        long first = facts(jdbc, FIRST, "播种");
        lot(jdbc, "https://id.gs1.org/01/06901234500011/10/A", third);
        lot(jdbc, "https://id.gs1.org/01/06901234500011/10/B", third);
        lot(jdbc, "https://id.gs1.org/01/06901234500011/10/A", first);
        jdbc.sql("INSERT INTO epcis_feed (id, last_block) VALUES (1, 42)").update();

        migrate(data, "latest");

        assertThat(jdbc.sql("SELECT digest || ':' || seq FROM epcis_event ORDER BY digest")
                        .query(String.class)
                        .list())
                .containsExactly(SECOND + ":3", FIRST + ":7", THIRD + ":9");
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT no) FROM epcis_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT e.digest || ' ' || i.field || ' ' || i.id FROM epcis_event_id i"
                                + " JOIN epcis_event e ON e.no = i.event ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly(
                        SECOND + " lot https://id.gs1.org/01/06901234500011/10/B",
                        FIRST + " class urn:epc:class:lgtn:690123.4500011.A",
                        FIRST + " lot https://id.gs1.org/01/06901234500011/10/A",
                        THIRD + " lot https://id.gs1.org/01/06901234500011/10/A",
                        THIRD + " lot https://id.gs1.org/01/06901234500011/10/B");
        assertThat(jdbc.sql("SELECT e.digest || ' ' || c.step || ' ' || c.event_id FROM epcis_critical_event c"
                                + " JOIN epcis_event e ON e.no = c.id ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly(FIRST + " 播种 ni:" + FIRST, THIRD + " 收获 ni:" + THIRD);
        assertThat(jdbc.sql("SELECT l.lot || ' ' || e.digest FROM epcis_critical_lot l"
                                + " JOIN epcis_event e ON e.no = l.event ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "https://id.gs1.org/01/06901234500011/10/A " + FIRST,
                        "https://id.gs1.org/01/06901234500011/10/A " + THIRD,
                        "https://id.gs1.org/01/06901234500011/10/B " + THIRD);
        assertThat(jdbc.sql("SELECT last_block FROM epcis_feed")
                        .query(Long.class)
                        .single())
                .isEqualTo(42);

        // Stored afterwards: a number above the carried-over ones; a digest is still one event.
        String fourth = "b".repeat(64);
        jdbc.sql("INSERT INTO epcis_event (digest, event_id, event_type, event_time, record_time, verified,"
                        + " recorded_by, tx_id, body, seq) VALUES (?, 'x', 'ObjectEvent', CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP, TRUE, 'u', 't', '{}', NEXT VALUE FOR epcis_event_seq)")
                .param(fourth)
                .update();
        assertThat(jdbc.sql("SELECT no FROM epcis_event WHERE digest = ?")
                        .param(fourth)
                        .query(Long.class)
                        .single())
                .isGreaterThan(jdbc.sql("SELECT MAX(no) FROM epcis_event WHERE digest <> ?")
                        .param(fourth)
                        .query(Long.class)
                        .single());
        assertThatThrownBy(() -> event(jdbc, FIRST, 11)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO epcis_event_id (event, field, id) VALUES (999, 'lot', 'x')")
                        .update())
                .as("an identifier names an event that is there")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void migrate(JdbcDataSource data, String target) {
        Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static void event(JdbcClient jdbc, String digest, long seq) {
        jdbc.sql("INSERT INTO epcis_event (digest, event_id, event_type, event_time, record_time, verified,"
                        + " recorded_by, tx_id, body, seq) VALUES (?, ?, 'ObjectEvent', CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP, TRUE, 'farmer', 'tx', '{}', ?)")
                .params(digest, "ni:" + digest, seq)
                .update();
    }

    private static void ids(JdbcClient jdbc, String digest, String field, String id) {
        jdbc.sql("INSERT INTO epcis_event_id (digest, field, id) VALUES (?, ?, ?)")
                .params(digest, field, id)
                .update();
    }

    private static long facts(JdbcClient jdbc, String digest, String step) {
        jdbc.sql("INSERT INTO epcis_critical_event (digest, event_time, event_id, verified, time_text, step,"
                        + " ref_types, ref_numbers, parties, lines, exported_id)"
                        + " VALUES (?, CURRENT_TIMESTAMP, ?, TRUE, 't', ?, '', '', '', '', 'e')")
                .params(digest, "ni:" + digest, step)
                .update();
        return jdbc.sql("SELECT id FROM epcis_critical_event WHERE digest = ?")
                .param(digest)
                .query(Long.class)
                .single();
    }

    private static void lot(JdbcClient jdbc, String lot, long event) {
        jdbc.sql("INSERT INTO epcis_critical_lot (lot, event) VALUES (?, ?)")
                .params(lot, event)
                .update();
    }
}
