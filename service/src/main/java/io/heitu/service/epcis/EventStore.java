package io.heitu.service.epcis;

import io.heitu.service.access.EventQuantities;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model of EPCIS events: every event on the ledger as the EPCIS interface exports it, with
 * the columns and canonical identifiers EPCIS queries filter on (queries themselves are
 * {@code query.EventSearch}'s). Writes are idempotent (an event is keyed by its hash), so following
 * the ledger again, or hearing of an event twice, changes nothing.
 */
@Component
public class EventStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final CompanyPrefixes prefixes;
    private final CriticalEvents critical;

    EventStore(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, CompanyPrefixes prefixes) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.prefixes = prefixes;
        this.critical = new CriticalEvents(jdbc, transactions, json);
    }

    /** Keeps an event as the ledger's {@code event:Get} answers it. */
    public void put(JsonNode stored) {
        putAll(List.of(stored));
    }

    /**
     * Keeps events in one database transaction: a block of 500 events is one commit, not 500. The
     * capture path and the ledger feed both write, so an event is usually heard of twice: it gets a
     * new change number ({@code seq}, what subscriptions deliver past) only when it is new or its
     * body changed (an error declaration added to it), never for hearing it again.
     */
    public List<String> putAll(List<JsonNode> storedEvents) {
        return putAll(storedEvents, () -> {});
    }

    /**
     * As {@link #putAll(List)}, and {@code alsoWritten} writes in the same database transaction: the
     * feed's checkpoint goes in with its block's events, in one commit (each commit writes the
     * B-trees' changed pages again) and all or nothing.
     */
    public synchronized List<String> putAll(List<JsonNode> storedEvents, Runnable alsoWritten) {
        List<EventRow> rows = storedEvents.stream().map(EventRows::of).toList();
        storedEvents.forEach(stored -> prefixes.learn(stored.path("event")));
        List<String> changed = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            rows.forEach(row -> {
                if (merge(row)) {
                    changed.add(row.digest());
                }
            });
            alsoWritten.run();
        });
        if (!changed.isEmpty()) {
            listeners.forEach(Runnable::run);
        }
        return changed;
    }

    /** Called after events entered or changed in the read model (subscriptions listen). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private boolean merge(EventRow row) {
        String body = json.writeValueAsString(row.body());
        Optional<Kept> existing = jdbc.sql("SELECT no, body FROM epcis_event WHERE digest = ?")
                .param(row.digest())
                .query((rs, n) -> new Kept(rs.getLong(1), rs.getString(2)))
                .optional();
        if (existing.isPresent() && existing.get().body().equals(body)) {
            return false;
        }
        if (existing.isPresent()) {
            long number = existing.get().number();
            jdbc.sql("UPDATE epcis_event SET body = ?, seq = NEXT VALUE FOR epcis_event_seq WHERE no = ?")
                    .params(body, number)
                    .update();
            critical.put(number, row.eventId(), utc(row.eventTime()), row.verified(), body);
            return true;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO epcis_event (digest, event_id, source_event_id, event_type, action, event_time,
                    record_time, biz_step, disposition, read_point, biz_location, verified, recorded_by, tx_id, body, seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NEXT VALUE FOR epcis_event_seq)""")
                .params(
                        row.digest(),
                        row.eventId(),
                        clip(row.sourceEventId()),
                        clip(row.eventType()),
                        row.action(),
                        utc(row.eventTime()),
                        utc(row.recordTime()),
                        clip(row.bizStep()),
                        clip(row.disposition()),
                        row.readPoint(),
                        row.bizLocation(),
                        row.verified(),
                        row.recordedBy(),
                        row.txId(),
                        body)
                .update(key, "no");
        long number = key.getKeyAs(Long.class);
        for (EventRow.Id id : row.ids()) {
            jdbc.sql("MERGE INTO epcis_event_id (event, field, id) KEY (event, field, id) VALUES (?, ?, ?)")
                    .params(number, id.field(), id.id())
                    .update();
        }
        critical.put(number, row.eventId(), utc(row.eventTime()), row.verified(), body);
        return true;
    }

    /** An event's number (the row key that tables naming it use) and its document, as kept. */
    private record Kept(long number, String body) {}

    /**
     * Fills in the report facts of up to {@code max} events stored before they were kept (an
     * older data directory); answers how many it filled. Under the store's lock, so that an event
     * changing at the same time cannot get the facts of its old document.
     */
    public synchronized int fillCriticalEvents(int max) {
        return critical.fill(max);
    }

    /**
     * What a recall report lists of the events touching any of the lots within a time window, oldest
     * first: the same events as {@link #ofLots}, in the same order, read from the facts kept beside
     * each event ({@link CriticalEvents}) instead of from the documents.
     */
    public List<CriticalEvent> criticalOfLots(
            Collection<String> lots, OffsetDateTime from, OffsetDateTime to, int max) {
        return critical.ofLots(lots, from, to, max);
    }

    /** An event by its hash ID, the digest inside it, or the eventID its partner gave it. */
    public Optional<Found> find(String id) {
        return withId(id, 1).stream().findFirst();
    }

    /**
     * The events an ID names: those a partner gave that eventID first, then the one whose hash it
     * is. eventIDs should be unique, but partners copy them (GS1's own examples give several events
     * the same one), and the bindings answer with all of them.
     */
    public List<Found> withId(String id, int max) {
        String digest = id.matches("[0-9a-f]{64}") ? id : id.startsWith("ni:///sha-256;") ? EventRows.digest(id) : null;
        return jdbc.sql("SELECT body, verified, recorded_by, source_event_id, event_id FROM epcis_event "
                        + "WHERE source_event_id = :id OR digest = :digest "
                        + "ORDER BY CASE WHEN source_event_id = :id THEN 0 ELSE 1 END, event_time, digest "
                        + "FETCH FIRST " + max + " ROWS ONLY")
                .param("digest", digest)
                .param("id", id)
                .query(this::found)
                .list();
    }

    /** An event of the read model with what EPCIS has no field for. */
    public record Found(JsonNode event, boolean verified, String recordedBy, String sourceEventId, String hashId) {

        /** The same event without its quantities, for a reader who sees it only through lineage. */
        public Found withQuantitiesWithheld() {
            return new Found(EventQuantities.withheld(event), verified, recordedBy, sourceEventId, hashId);
        }
    }

    /** One page of the distinct values of a column ({@code /bizSteps} …), after {@code after}. */
    List<String> distinct(String column, String after, int max) {
        return jdbc.sql("SELECT DISTINCT " + column + " FROM epcis_event WHERE " + column + " IS NOT NULL AND " + column
                        + " > ? ORDER BY " + column + " FETCH FIRST " + max + " ROWS ONLY")
                .param(after == null ? "" : after)
                .query(String.class)
                .list();
    }

    /** One page of the identifiers events name in the given fields ({@code /epcs}), after {@code after}. */
    List<String> identifiers(Collection<String> fields, String after, int max) {
        return jdbc.sql("SELECT DISTINCT id FROM epcis_event_id WHERE field IN (:fields) AND id > :after ORDER BY id "
                        + "FETCH FIRST " + max + " ROWS ONLY")
                .param("fields", fields)
                .param("after", after == null ? "" : after)
                .query(String.class)
                .list();
    }

    /** A member of a top-level resource and the CBV 2.0 hash ID of one event that names it. */
    record Naming(String member, String eventId) {}

    /**
     * For each member (as stored), the hash IDs of up to {@code perMember} events that name it: in
     * a column ({@code biz_location} …), or for a null column in the EPC fields. One query for a
     * page of members, so a reader's page costs one question to the ledger, not one per member.
     */
    List<Naming> naming(String column, Collection<String> members, int perMember) {
        if (members.isEmpty()) {
            return List.of();
        }
        String named = column == null
                ? "SELECT i.id AS member, e.event_id AS event_id, ROW_NUMBER() OVER (PARTITION BY i.id ORDER BY e.digest) AS n"
                        + " FROM epcis_event_id i JOIN epcis_event e ON e.no = i.event"
                        + " WHERE i.field IN (:fields) AND i.id IN (:members)"
                : "SELECT " + column + " AS member, event_id, ROW_NUMBER() OVER (PARTITION BY " + column
                        + " ORDER BY digest) AS n FROM epcis_event WHERE " + column + " IN (:members)";
        var statement = jdbc.sql("SELECT member, event_id FROM (" + named + ") WHERE n <= :perMember")
                .param("members", members)
                .param("perMember", perMember);
        if (column == null) {
            statement = statement.param("fields", TopLevel.EPC_FIELDS);
        }
        return statement
                .query((rs, row) -> new Naming(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Whether a column or the identifiers hold a value (a member of a top-level resource exists). */
    boolean has(String column, String value) {
        if (column == null) {
            return jdbc.sql("SELECT COUNT(*) FROM epcis_event_id WHERE id = ?")
                            .param(value)
                            .query(Long.class)
                            .single()
                    > 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM epcis_event WHERE " + column + " = ?")
                        .param(value)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The events touching any of the lots (canonical lot URIs) within a time window, oldest first:
     * the critical tracking events of a recall report.
     */
    public List<Found> ofLots(Collection<String> lots, OffsetDateTime from, OffsetDateTime to, int max) {
        // One join per small chunk of lots. H2 checks a parameter IN list again for every row it
        // fetches, one value after another, so a list of 1,000 lots (or of the events' digests, as
        // this read before) cost 1,000 comparisons for each of a hundred thousand events. The window
        // is applied here, not in SQL: given a time condition, H2 scans the time index over the
        // whole window once per chunk instead of looking the lots up.
        Map<String, Stored> byDigest = new HashMap<>();
        chunked(new LinkedHashSet<>(lots), LOTS_PER_QUERY, chunk -> {
            jdbc.sql("SELECT e.digest, e.event_time, e.event_id, e.body, e.verified, e.recorded_by,"
                            + " e.source_event_id FROM epcis_event_id i JOIN epcis_event e ON e.no = i.event"
                            + " WHERE i.field = 'lot' AND i.id IN (:lots)")
                    .param("lots", chunk)
                    .query((rs, row) -> byDigest.computeIfAbsent(rs.getString(1), digest -> {
                        try {
                            return new Stored(
                                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getBoolean(5),
                                    rs.getString(6),
                                    rs.getString(7));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }))
                    .list();
            return List.of();
        });
        Instant since = from.toInstant();
        Instant until = to.toInstant();
        // Bodies are parsed after the window and the sort, and only for the rows the report lists.
        return byDigest.values().stream()
                .filter(event -> !event.at().isBefore(since) && event.at().isBefore(until))
                .sorted(Comparator.comparing(Stored::at).thenComparing(Stored::eventId))
                .limit(max)
                .map(event -> new Found(
                        json.readTree(event.body()),
                        event.verified(),
                        event.recordedBy(),
                        event.sourceEventId(),
                        event.eventId()))
                .toList();
    }

    /** Lots a query names at most: H2 compares each row with every one of them. */
    static final int LOTS_PER_QUERY = 50;

    /**
     * The latest event (by event time, as {@code lot:Events} orders them) of each of these lots
     * (EPC class URIs) that has one, in one query per {@value #LOTS_PER_QUERY} lots: a dashboard of
     * many lots asks a few times, not once per lot.
     */
    public Map<String, JsonNode> latestOfLots(Collection<String> lots) {
        Map<String, JsonNode> latest = new HashMap<>();
        chunked(new LinkedHashSet<>(lots), LOTS_PER_QUERY, chunk -> {
            jdbc.sql("SELECT id, body FROM (SELECT i.id, e.body, ROW_NUMBER() OVER (PARTITION BY i.id"
                            + " ORDER BY e.event_time DESC, e.event_id DESC) AS place"
                            + " FROM epcis_event_id i JOIN epcis_event e ON e.no = i.event"
                            + " WHERE i.field = 'lot' AND i.id IN (:lots)) WHERE place = 1")
                    .param("lots", chunk)
                    .query((rs, row) -> latest.put(rs.getString(1), json.readTree(rs.getString(2))))
                    .list();
            return List.of();
        });
        return latest;
    }

    private record Stored(
            Instant at, String eventId, String body, boolean verified, String recordedBy, String sourceEventId) {}

    static <V, T> List<T> chunked(Collection<V> values, int size, java.util.function.Function<List<V>, List<T>> query) {
        List<V> all = new ArrayList<>(values);
        List<T> results = new ArrayList<>();
        for (int start = 0; start < all.size(); start += size) {
            results.addAll(query.apply(all.subList(start, Math.min(all.size(), start + size))));
        }
        return results;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM epcis_event").query(Long.class).single();
    }

    private Found found(ResultSet rs, int row) throws SQLException {
        return new Found(
                json.readTree(rs.getString(1)), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static String clip(String value) {
        return value == null || value.length() <= 512 ? value : null;
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
