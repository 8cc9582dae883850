package io.heitu.service.epcis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read model of EPCIS events: every event on the ledger, with the columns and identifiers EPCIS
 * queries filter on. Writes are idempotent (an event is keyed by its hash), so following the ledger
 * again, or hearing of an event twice, changes nothing.
 */
@Component
public class EventStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    EventStore(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** Keeps an event as the ledger's {@code event:Get} answers it. */
    public void put(JsonNode stored) {
        putAll(List.of(stored));
    }

    /**
     * Keeps events in one database transaction: a block of 500 events is one commit, not 500. The
     * capture path and the ledger feed both write; an event never changes its identifiers (an error
     * declaration changes only the body), so rows are merged, never deleted.
     */
    public synchronized void putAll(List<JsonNode> storedEvents) {
        List<EventRow> rows = storedEvents.stream().map(EventRows::of).toList();
        transactions.executeWithoutResult(status -> rows.forEach(this::merge));
    }

    private void merge(EventRow row) {
        jdbc.sql("""
                MERGE INTO epcis_event (digest, event_id, source_event_id, event_type, action, event_time,
                    record_time, biz_step, disposition, read_point, biz_location, verified, recorded_by, tx_id, body)
                KEY (digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        row.digest(),
                        row.eventId(),
                        row.sourceEventId(),
                        row.eventType(),
                        row.action(),
                        utc(row.eventTime()),
                        utc(row.recordTime()),
                        row.bizStep(),
                        row.disposition(),
                        row.readPoint(),
                        row.bizLocation(),
                        row.verified(),
                        row.recordedBy(),
                        row.txId(),
                        json.writeValueAsString(row.body()))
                .update();
        for (EventRow.Id id : row.ids()) {
            jdbc.sql("MERGE INTO epcis_event_id (digest, field, id) KEY (digest, field, id) VALUES (?, ?, ?)")
                    .params(row.digest(), id.field(), id.id())
                    .update();
        }
    }

    /** An event by its hash ID, the digest inside it, or the eventID the capturing document gave it. */
    public Optional<Found> find(String id) {
        String digest = id.matches("[0-9a-f]{64}") ? id : id.startsWith("ni:///") ? EventRows.digest(id) : null;
        return jdbc.sql("SELECT body, verified, recorded_by, source_event_id FROM epcis_event "
                        + "WHERE digest = :digest OR source_event_id = :id FETCH FIRST 1 ROWS ONLY")
                .param("digest", digest)
                .param("id", id)
                .query(this::found)
                .optional();
    }

    /** An event of the read model with what EPCIS has no field for. */
    public record Found(JsonNode event, boolean verified, String recordedBy, String sourceEventId) {}

    /** One page of a query, and the cursor of the next when there may be more. */
    public record Page(List<JsonNode> events, EventQuery.Cursor next) {}

    Page query(EventQuery query) {
        StringBuilder sql = new StringBuilder("SELECT digest, event_time, body FROM epcis_event e WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        in(sql, params, "e.event_type", "types", query.eventTypes());
        range(sql, params, "e.event_time", query.geEventTime(), query.ltEventTime(), "et");
        range(sql, params, "e.record_time", query.geRecordTime(), query.ltRecordTime(), "rt");
        query.equals().forEach((parameter, values) -> {
            String column = EventQuery.EQUALS.get(parameter);
            if (column.equals("event_id")) {
                sql.append(" AND (e.event_id IN (:eid) OR e.source_event_id IN (:eid))");
                params.put("eid", values);
            } else {
                in(sql, params, "e." + column, "eq_" + column, values);
            }
        });
        int n = 0;
        for (Map.Entry<String, List<String>> match : query.matches().entrySet()) {
            n++;
            sql.append(" AND e.digest IN (SELECT i.digest FROM epcis_event_id i WHERE i.field IN (:f")
                    .append(n)
                    .append(") AND (i.id IN (:m")
                    .append(n)
                    .append(")");
            params.put("f" + n, EventQuery.MATCHES.get(match.getKey()));
            params.put("m" + n, match.getValue());
            int p = 0;
            for (String prefix : Patterns.prefixes(match.getValue())) {
                String name = "p" + n + "_" + p++;
                sql.append(" OR i.id LIKE :").append(name).append(" ESCAPE '\\'");
                params.put(name, Patterns.like(prefix));
            }
            sql.append("))");
        }
        if (query.after() != null) {
            sql.append(" AND (e.event_time > :at OR (e.event_time = :at AND e.digest > :ad))");
            params.put("at", utc(query.after().eventTime()));
            params.put("ad", query.after().digest());
        }
        sql.append(" ORDER BY e.event_time, e.digest FETCH FIRST ")
                .append(query.perPage() + 1)
                .append(" ROWS ONLY");
        List<Object[]> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> new Object[] {
                    rs.getString(1), rs.getObject(2, OffsetDateTime.class), json.readTree(rs.getString(3))
                })
                .list();
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), query.perPage()); i++) {
            events.add((JsonNode) rows.get(i)[2]);
        }
        EventQuery.Cursor next = null;
        if (rows.size() > query.perPage()) {
            Object[] last = rows.get(query.perPage() - 1);
            next = new EventQuery.Cursor((OffsetDateTime) last[1], (String) last[0]);
        }
        return new Page(events, next);
    }

    /** The distinct values of a column, for the top-level resources ({@code /bizSteps} …). */
    List<String> distinct(String column, int max) {
        return jdbc.sql("SELECT DISTINCT " + column + " FROM epcis_event WHERE " + column + " IS NOT NULL ORDER BY "
                        + column + " FETCH FIRST " + max + " ROWS ONLY")
                .query(String.class)
                .list();
    }

    /** Identifiers events name in the given fields ({@code /epcs}). */
    List<String> identifiers(Collection<String> fields, int max) {
        return jdbc.sql("SELECT DISTINCT id FROM epcis_event_id WHERE field IN (:fields) ORDER BY id FETCH FIRST " + max
                        + " ROWS ONLY")
                .param("fields", fields)
                .query(String.class)
                .list();
    }

    /**
     * The events touching any of the lots (canonical lot URIs) within a time window, oldest first:
     * the critical tracking events of a recall report.
     */
    public List<Found> ofLots(Collection<String> lots, OffsetDateTime from, OffsetDateTime to, int max) {
        // Two index-driven steps: the events naming the lots (by identifier), then those events by
        // key. The window is applied here, not in SQL: given a time condition, H2 scans the time
        // index over the whole window once per chunk of keys instead of looking the keys up.
        List<String> digests = new ArrayList<>(new LinkedHashSet<>(chunked(
                lots,
                chunk -> jdbc.sql("SELECT digest FROM epcis_event_id WHERE field = 'lot' AND id IN (:lots)")
                        .param("lots", chunk)
                        .query(String.class)
                        .list())));
        Instant since = from.toInstant();
        Instant until = to.toInstant();
        List<Stored> inWindow = new ArrayList<>(chunked(
                digests,
                chunk -> jdbc.sql("SELECT event_time, event_id, body, verified, recorded_by, source_event_id"
                                + " FROM epcis_event WHERE digest IN (:digests)")
                        .param("digests", chunk)
                        .query((rs, row) -> new Stored(
                                rs.getObject(1, OffsetDateTime.class).toInstant(),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                rs.getString(5),
                                rs.getString(6)))
                        .list()));
        inWindow.removeIf(event -> event.at().isBefore(since) || !event.at().isBefore(until));
        // Bodies are parsed after the window and the sort, and only for the rows the report lists.
        return inWindow.stream()
                .sorted(Comparator.comparing(Stored::at).thenComparing(Stored::eventId))
                .limit(max)
                .map(event -> new Found(
                        json.readTree(event.body()), event.verified(), event.recordedBy(), event.sourceEventId()))
                .toList();
    }

    private record Stored(
            Instant at, String eventId, String body, boolean verified, String recordedBy, String sourceEventId) {}

    private static <T> List<T> chunked(
            Collection<String> values, java.util.function.Function<List<String>, List<T>> query) {
        List<String> all = new ArrayList<>(values);
        List<T> results = new ArrayList<>();
        for (int start = 0; start < all.size(); start += 1_000) {
            results.addAll(query.apply(all.subList(start, Math.min(all.size(), start + 1_000))));
        }
        return results;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM epcis_event").query(Long.class).single();
    }

    private Found found(ResultSet rs, int row) throws SQLException {
        return new Found(json.readTree(rs.getString(1)), rs.getBoolean(2), rs.getString(3), rs.getString(4));
    }

    private static void in(
            StringBuilder sql, Map<String, Object> params, String column, String name, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (:").append(name).append(")");
            params.put(name, values);
        }
    }

    private static void range(
            StringBuilder sql,
            Map<String, Object> params,
            String column,
            OffsetDateTime from,
            OffsetDateTime to,
            String name) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= :").append(name).append("_ge");
            params.put(name + "_ge", utc(from));
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" < :").append(name).append("_lt");
            params.put(name + "_lt", utc(to));
        }
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
