package io.heitu.service.epcis.query;

import io.heitu.service.access.EventQuantities;
import io.heitu.service.problem.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a SimpleEventQuery from the read model: the conditions the read model indexes become SQL
 * that finds candidates in the query's order; the others are tested on each candidate, so a page is
 * read candidate chunk by chunk until it is full. Pages continue from a cursor (the last event's sort
 * key), or from an offset when results are ordered by an extension field, which only the events
 * themselves know.
 */
@Component
public class EventSearch {

    /** Candidates read per round trip when conditions are tested outside SQL. */
    private static final int CHUNK = 500;
    /** The most events an extension-field order sorts in memory (beyond: QueryTooComplexException). */
    static final int MAX_SORTED = 10_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventSearch(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An event found: the exported event and the read model's keys for it. */
    public record Found(
            JsonNode event,
            String hashId,
            String digest,
            OffsetDateTime eventTime,
            OffsetDateTime recordTime,
            long seq) {

        /** The same event without its quantities, for a reader who sees it only through lineage. */
        public Found withQuantitiesWithheld() {
            return new Found(EventQuantities.withheld(event), hashId, digest, eventTime, recordTime, seq);
        }
    }

    /** A page, and where the next one starts when there may be more. */
    public record Page(List<Found> events, Cursor next) {}

    /**
     * Where a page ended: the last event's sort key and digest (or the offset, for an order by an
     * extension field), and how many events the query has given so far (for eventCountLimit).
     */
    public record Cursor(String key, String digest, int offset, int returned) {}

    public Page page(EventQuery query, int perPage, Cursor after) {
        int returned = after == null ? 0 : after.returned();
        if (after == null
                && query.maxEventCount() != null
                && count(query, query.maxEventCount() + 1) > query.maxEventCount()) {
            throw new ApiException(
                    "EPCIS_QUERY_TOO_LARGE", "more than maxEventCount=" + query.maxEventCount() + " events match");
        }
        int size = perPage;
        if (query.eventCountLimit() != null) {
            size = Math.min(size, query.eventCountLimit() - returned);
            if (size <= 0) {
                return new Page(List.of(), null);
            }
        }
        Page page = query.order().byColumn() ? byColumn(query, size, after) : byField(query, size, after);
        if (page.next() != null
                && query.eventCountLimit() != null
                && returned + page.events().size() >= query.eventCountLimit()) {
            return new Page(page.events(), null);
        }
        return page;
    }

    /**
     * Events that entered (or changed in) the read model after {@code afterSeq}, up to {@code upToSeq},
     * and match, in that order: what a subscription has not delivered yet.
     */
    public List<Found> since(EventQuery query, long afterSeq, long upToSeq, int max) {
        Sql sql = new Sql();
        List<Condition> tested = narrow(query, sql);
        List<Found> found = new ArrayList<>();
        long from = afterSeq;
        while (found.size() < max) {
            List<Found> chunk = jdbc.sql(
                            "SELECT digest, event_id, event_time, record_time, seq, body FROM epcis_event e WHERE "
                                    + sql.where() + " AND e.seq > :after ORDER BY e.seq FETCH FIRST " + CHUNK
                                    + " ROWS ONLY")
                    .params(sql.params())
                    .param("after", from)
                    .query((rs, row) -> found(rs))
                    .list();
            for (Found candidate : chunk) {
                if (matches(tested, candidate) && found.size() < max) {
                    found.add(candidate);
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            from = chunk.get(chunk.size() - 1).seq();
        }
        return found;
    }

    /** The highest change number of the read model (0 when empty). */
    public long lastSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM epcis_event")
                .query(Long.class)
                .single();
    }

    private Page byColumn(EventQuery query, int size, Cursor after) {
        String column = query.order().column();
        boolean descending = query.order().descending();
        Sql sql = new Sql();
        List<Condition> tested = narrow(query, sql);
        List<Found> found = new ArrayList<>();
        OffsetDateTime lastTime = after == null ? null : OffsetDateTime.parse(after.key());
        String lastDigest = after == null ? null : after.digest();
        boolean exhausted = false;
        while (found.size() <= size && !exhausted) {
            String keyset = "";
            if (lastTime != null) {
                String op = descending ? "<" : ">";
                keyset = " AND (e." + column + " " + op + " :lastTime OR (e." + column + " = :lastTime AND e.digest "
                        + op + " :lastDigest))";
            }
            String direction = descending ? " DESC" : " ASC";
            int chunkSize = tested.isEmpty() ? size + 1 : CHUNK;
            var statement = jdbc.sql(
                            "SELECT digest, event_id, event_time, record_time, seq, body FROM epcis_event e WHERE "
                                    + sql.where() + keyset + " ORDER BY e." + column + direction + ", e.digest"
                                    + direction
                                    + " FETCH FIRST " + chunkSize + " ROWS ONLY")
                    .params(sql.params());
            if (lastTime != null) {
                statement = statement
                        .param("lastTime", lastTime.withOffsetSameInstant(ZoneOffset.UTC))
                        .param("lastDigest", lastDigest);
            }
            List<Found> chunk = statement.query((rs, row) -> found(rs)).list();
            for (Found candidate : chunk) {
                lastTime = column.equals("record_time") ? candidate.recordTime() : candidate.eventTime();
                lastDigest = candidate.digest();
                if (matches(tested, candidate)) {
                    found.add(candidate);
                    if (found.size() > size) {
                        break;
                    }
                }
            }
            exhausted = chunk.size() < chunkSize;
        }
        int returned = after == null ? 0 : after.returned();
        if (found.size() <= size) {
            return new Page(found, null);
        }
        List<Found> page = found.subList(0, size);
        Found last = page.get(size - 1);
        OffsetDateTime key = column.equals("record_time") ? last.recordTime() : last.eventTime();
        return new Page(List.copyOf(page), new Cursor(key.toString(), last.digest(), 0, returned + size));
    }

    private Page byField(EventQuery query, int size, Cursor after) {
        List<Found> all = new ArrayList<>();
        Sql sql = new Sql();
        List<Condition> tested = narrow(query, sql);
        String lastDigest = "";
        while (true) {
            List<Found> chunk = jdbc.sql(
                            "SELECT digest, event_id, event_time, record_time, seq, body FROM epcis_event e WHERE "
                                    + sql.where() + " AND e.digest > :after ORDER BY e.digest FETCH FIRST " + CHUNK
                                    + " ROWS ONLY")
                    .params(sql.params())
                    .param("after", lastDigest)
                    .query((rs, row) -> found(rs))
                    .list();
            for (Found candidate : chunk) {
                if (matches(tested, candidate)) {
                    all.add(candidate);
                    if (all.size() > MAX_SORTED) {
                        throw new ApiException(
                                "EPCIS_QUERY_TOO_COMPLEX",
                                "ordering by an extension field sorts at most " + MAX_SORTED + " events");
                    }
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            lastDigest = chunk.get(chunk.size() - 1).digest();
        }
        all.sort(FieldOrder.of(query.order()));
        int offset = after == null ? 0 : after.offset();
        int returned = after == null ? 0 : after.returned();
        List<Found> page = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
        Cursor next = offset + size < all.size() ? new Cursor("", "", offset + size, returned + page.size()) : null;
        return new Page(List.copyOf(page), next);
    }

    /** How many events match, counting no further than {@code enough}. */
    int count(EventQuery query, int enough) {
        Sql sql = new Sql();
        List<Condition> tested = narrow(query, sql);
        if (tested.isEmpty()) {
            return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM epcis_event e WHERE " + sql.where() + " FETCH FIRST "
                            + enough + " ROWS ONLY)")
                    .params(sql.params())
                    .query(Integer.class)
                    .single();
        }
        return byColumn(new EventQuery(query.conditions(), EventQuery.Order.DEFAULT, null, null, ""), enough, null)
                .events()
                .size();
    }

    private static List<Condition> narrow(EventQuery query, Sql sql) {
        List<Condition> tested = new ArrayList<>();
        for (Condition condition : query.conditions()) {
            if (!condition.narrow(sql)) {
                tested.add(condition);
            }
        }
        return tested;
    }

    private static boolean matches(List<Condition> tested, Found candidate) {
        if (tested.isEmpty()) {
            return true;
        }
        EventView view = new EventView(candidate.event(), candidate.hashId());
        return tested.stream().allMatch(condition -> condition.test(view));
    }

    private Found found(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Found(
                json.readTree(rs.getString("body")),
                rs.getString("event_id"),
                rs.getString("digest"),
                rs.getObject("event_time", OffsetDateTime.class),
                rs.getObject("record_time", OffsetDateTime.class),
                rs.getLong("seq"));
    }

    /** Sorting by an extension field: by its first value, events without it last. */
    private static final class FieldOrder {

        static Comparator<Found> of(EventQuery.Order order) {
            Comparator<Found> byValue = (a, b) -> compare(value(a, order.field()), value(b, order.field()));
            Comparator<Found> directed = order.descending() ? byValue.reversed() : byValue;
            return Comparator.<Found, Boolean>comparing(
                            found -> value(found, order.field()).isEmpty())
                    .thenComparing(directed)
                    .thenComparing(Found::digest);
        }

        private static Optional<JsonNode> value(Found found, String field) {
            EventView view = new EventView(found.event(), found.hashId());
            for (var property : found.event().properties()) {
                if (view.expand(property.getKey()).equals(field)
                        || property.getKey().equals(field)) {
                    return Comparison.members(property.getValue()).stream().findFirst();
                }
            }
            return Optional.empty();
        }

        private static int compare(Optional<JsonNode> a, Optional<JsonNode> b) {
            if (a.isEmpty() || b.isEmpty()) {
                return 0;
            }
            String x = a.get().asString();
            String y = b.get().asString();
            var nx = Comparison.number(x);
            var ny = Comparison.number(y);
            if (nx != null && ny != null) {
                return nx.compareTo(ny);
            }
            var tx = Comparison.time(x);
            var ty = Comparison.time(y);
            if (tx != null && ty != null) {
                return tx.toInstant().compareTo(ty.toInstant());
            }
            return x.compareTo(y);
        }
    }
}
