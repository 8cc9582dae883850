package io.heitu.service.epcis.subscription;

import io.heitu.service.epcis.EpcFormat;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Webhook subscriptions and their delivery state, kept so that they survive a restart. */
@Component
class Subscriptions {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Subscriptions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void create(Subscription s) {
        jdbc.sql("""
                INSERT INTO epcis_subscription (id, msp_id, query_name, username, dest, signature_token, stream, schedule,
                    report_if_empty, initial_record_time, epc_format, created_at, last_seq, min_record_time,
                    last_notified_at, next_run_at, attempts, retry_at, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL)""")
                .params(
                        s.id(),
                        s.mspId(),
                        s.queryName(),
                        s.username(),
                        s.dest(),
                        s.signatureToken(),
                        s.stream(),
                        s.schedule() == null
                                ? null
                                : json.writeValueAsString(s.schedule().fields()),
                        s.reportIfEmpty(),
                        s.initialRecordTime(),
                        s.epcFormat().name(),
                        s.createdAt(),
                        s.lastSeq(),
                        s.initialRecordTime(),
                        s.lastNotifiedAt(),
                        s.nextRunAt())
                .update();
    }

    Optional<Subscription> find(String mspId, String queryName, String id) {
        return jdbc.sql("SELECT * FROM epcis_subscription WHERE msp_id = ? AND query_name = ? AND id = ?")
                .params(mspId, queryName, id)
                .query(this::read)
                .optional();
    }

    List<Subscription> ofQuery(String mspId, String queryName, String after, int max) {
        return jdbc.sql("SELECT * FROM epcis_subscription WHERE msp_id = ? AND query_name = ? AND id > ? ORDER BY id "
                        + "FETCH FIRST " + max + " ROWS ONLY")
                .params(mspId, queryName, after == null ? "" : after)
                .query(this::read)
                .list();
    }

    List<Subscription> all() {
        return jdbc.sql("SELECT * FROM epcis_subscription ORDER BY created_at")
                .query(this::read)
                .list();
    }

    /** Records a delivery the subscriber acknowledged, or a failed attempt and when to try again. */
    void update(Subscription s, String error) {
        jdbc.sql("""
                UPDATE epcis_subscription SET last_seq = ?, last_notified_at = ?, next_run_at = ?, attempts = ?,
                    retry_at = ?, last_error = ?, min_record_time = COALESCE(?, min_record_time) WHERE id = ?""")
                .params(
                        s.lastSeq(),
                        s.lastNotifiedAt(),
                        s.nextRunAt(),
                        s.attempts(),
                        s.retryAt(),
                        error == null ? null : error.substring(0, Math.min(500, error.length())),
                        s.lastNotifiedAt(),
                        s.id())
                .update();
    }

    boolean delete(String mspId, String queryName, String id) {
        return jdbc.sql("DELETE FROM epcis_subscription WHERE msp_id = ? AND query_name = ? AND id = ?")
                        .params(mspId, queryName, id)
                        .update()
                > 0;
    }

    void deleteAll(String mspId, String queryName) {
        jdbc.sql("DELETE FROM epcis_subscription WHERE msp_id = ? AND query_name = ?")
                .params(mspId, queryName)
                .update();
    }

    private Subscription read(ResultSet rs, int row) throws SQLException {
        String schedule = rs.getString("schedule");
        return new Subscription(
                rs.getString("id"),
                rs.getString("msp_id"),
                rs.getString("query_name"),
                rs.getString("username"),
                rs.getString("dest"),
                rs.getString("signature_token"),
                schedule == null ? null : QuerySchedule.parse(json.readValue(schedule, FIELDS)),
                rs.getBoolean("report_if_empty"),
                rs.getObject("initial_record_time", OffsetDateTime.class),
                EpcFormat.valueOf(rs.getString("epc_format")),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getLong("last_seq"),
                rs.getObject("last_notified_at", OffsetDateTime.class),
                rs.getObject("next_run_at", OffsetDateTime.class),
                rs.getInt("attempts"),
                rs.getObject("retry_at", OffsetDateTime.class));
    }
}
