package io.heitu.service.epcis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facts a recall report lists of each event ({@link CriticalEvent}), kept beside the EPCIS read
 * model's documents ({@code epcis_critical_event}, V7) and found by lot ({@code epcis_critical_lot}):
 * a report of a hundred thousand events reads these small rows, not a hundred thousand documents.
 * Written by {@link EventStore} in the transaction that stores or changes the event, under its lock.
 */
final class CriticalEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    /** Whether every event's facts are kept (see {@link #allKept()}). */
    private volatile boolean allKept;

    CriticalEvents(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Keeps what a recall report lists of the event, read from the document exactly as the read
     * model will give it out (parsed from the stored text, not the node it was written from).
     */
    void put(long number, String hashId, OffsetDateTime at, boolean verified, String body) {
        CriticalEvent event = CriticalEvent.of(json.readTree(body), hashId, at.toInstant(), verified);
        jdbc.sql("""
                MERGE INTO epcis_critical_event (id, event_time, event_id, verified, time_text, step, ref_types,
                    ref_numbers, location_uri, parties, lines, exported_id) KEY (id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        number,
                        at,
                        hashId,
                        verified,
                        event.eventTime(),
                        event.step(),
                        event.referenceTypes(),
                        event.references(),
                        event.location(),
                        Packed.parties(event.parties()),
                        Packed.lines(event.lines()),
                        event.exportedId())
                .update();
        jdbc.sql(
                        "MERGE INTO epcis_critical_lot (lot, event) KEY (lot, event) SELECT i.id, i.event FROM epcis_event_id i"
                                + " WHERE i.event = ? AND i.field = 'lot'")
                .param(number)
                .update();
    }

    /** Fills in the facts of up to {@code max} events stored before they were kept; how many it filled. */
    int fill(int max) {
        record Missing(long number, String hashId, OffsetDateTime at, boolean verified, String body) {}
        List<Missing> missing = jdbc.sql("SELECT e.no, e.event_id, e.event_time, e.verified, e.body"
                        + " FROM epcis_event e WHERE NOT EXISTS"
                        + " (SELECT 1 FROM epcis_critical_event c WHERE c.id = e.no)"
                        + " FETCH FIRST " + max + " ROWS ONLY")
                .query((rs, n) -> new Missing(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getBoolean(4),
                        rs.getString(5)))
                .list();
        transactions.executeWithoutResult(status -> missing.forEach(
                event -> put(event.number(), event.hashId(), event.at(), event.verified(), event.body())));
        if (missing.isEmpty()) {
            allKept = true;
        }
        return missing.size();
    }

    /**
     * What a recall report lists of the events touching any of the lots within a time window, oldest
     * first: the same events as {@link EventStore#ofLots}, in the same order. An event stored before
     * the facts were kept, and not yet filled in, is read from its document.
     */
    List<CriticalEvent> ofLots(Collection<String> lots, OffsetDateTime from, OffsetDateTime to, int max) {
        // Events not kept yet are looked for first: one the backfill keeps meanwhile is then found
        // twice (and counted once), never missed.
        List<CriticalEvent> fromDocuments = allKept() ? List.of() : notKept(lots);
        Set<String> read = new HashSet<>();
        fromDocuments.forEach(event -> read.add(event.hashId()));
        // All the lots in one query, joined as a table: an IN list is checked again, value after
        // value, for every row the index finds (50 string comparisons per event for a chunk of 50).
        Map<Long, KeptFacts> byNumber = new HashMap<>();
        // Lazily, row by row as the index finds them: otherwise H2 first copies every row of the
        // answer into a result set, on disk past 40,000 rows, and reads them back from there. A
        // session setting, so on the transaction's own connection, and set back before it returns
        // to the pool.
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LAZY_QUERY_EXECUTION TRUE").update();
            try {
                jdbc.sql(
                                "SELECT l.event, c.event_time, c.event_id, c.verified, c.time_text, c.step, c.ref_types,"
                                        + " c.ref_numbers, c.location_uri, c.parties, c.lines, c.exported_id"
                                        + " FROM UNNEST(CAST(? AS VARCHAR(512) ARRAY)) u(lot)"
                                        + " JOIN epcis_critical_lot l ON l.lot = u.lot JOIN epcis_critical_event c ON c.id = l.event")
                        .param(lots.stream()
                                .filter(lot -> lot.length() <= 512) // longer ones are not kept (EventRows)
                                .distinct()
                                .toArray(String[]::new))
                        .query(rs -> {
                            long number = rs.getLong(1);
                            if (!byNumber.containsKey(number)) {
                                byNumber.put(number, kept(rs));
                            }
                        });
            } finally {
                jdbc.sql("SET LAZY_QUERY_EXECUTION FALSE").update();
            }
        });
        Instant since = from.toInstant();
        Instant until = to.toInstant();
        // The lists are unpacked only for the events inside the window.
        List<CriticalEvent> found = new ArrayList<>();
        for (KeptFacts kept : byNumber.values()) {
            if (!kept.at().isBefore(since) && kept.at().isBefore(until) && !read.contains(kept.hashId())) {
                found.add(kept.unpacked());
            }
        }
        for (CriticalEvent event : fromDocuments) {
            if (!event.at().isBefore(since) && event.at().isBefore(until)) {
                found.add(event);
            }
        }
        found.sort(Comparator.comparing(CriticalEvent::at).thenComparing(CriticalEvent::hashId));
        return found.size() > max ? List.copyOf(found.subList(0, max)) : found;
    }

    private static KeptFacts kept(ResultSet rs) throws SQLException {
        return new KeptFacts(
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12));
    }

    /**
     * Whether every event's report facts are kept: true from the start on a new data directory, and
     * once the backfill is done on an older one. Every event stored since is kept as it is stored.
     */
    private boolean allKept() {
        if (!allKept) {
            allKept = !jdbc.sql("SELECT EXISTS (SELECT 1 FROM epcis_event e WHERE NOT EXISTS"
                            + " (SELECT 1 FROM epcis_critical_event c WHERE c.id = e.no))")
                    .query(Boolean.class)
                    .single();
        }
        return allKept;
    }

    /** The report facts, from their documents, of the lots' events whose facts are not kept yet. */
    private List<CriticalEvent> notKept(Collection<String> lots) {
        Set<Long> numbers = new LinkedHashSet<>();
        EventStore.chunked(new LinkedHashSet<>(lots), EventStore.LOTS_PER_QUERY, chunk -> {
            numbers.addAll(jdbc.sql("SELECT i.event FROM epcis_event_id i WHERE i.field = 'lot' AND i.id IN (:lots)"
                            + " AND NOT EXISTS (SELECT 1 FROM epcis_critical_event c WHERE c.id = i.event)")
                    .param("lots", chunk)
                    .query(Long.class)
                    .list());
            return List.of();
        });
        return EventStore.chunked(
                numbers,
                EventStore.LOTS_PER_QUERY,
                chunk -> jdbc.sql("SELECT body, event_id, event_time, verified FROM epcis_event WHERE no IN (:numbers)")
                        .param("numbers", chunk)
                        .query((rs, row) -> CriticalEvent.of(
                                json.readTree(rs.getString(1)),
                                rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(),
                                rs.getBoolean(4)))
                        .list());
    }

    /** A row of {@code epcis_critical_event}, its lists still packed. */
    private record KeptFacts(
            Instant at,
            String hashId,
            boolean verified,
            String eventTime,
            String step,
            String referenceTypes,
            String references,
            String location,
            String parties,
            String lines,
            String exportedId) {

        CriticalEvent unpacked() {
            return new CriticalEvent(
                    hashId,
                    at,
                    verified,
                    eventTime,
                    step,
                    referenceTypes,
                    references,
                    location,
                    Packed.partiesOf(parties),
                    Packed.linesOf(lines),
                    exportedId);
        }
    }
}
