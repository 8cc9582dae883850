package io.heitu.service.consumer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scan counters in the database, read once per code and written in batches. */
@Repository
class ScanStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ScanStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A code's counts; {@code firstAt} is null before its first scan. */
    record Counts(String codeKey, long scans, long afterSoldOut, Instant firstAt, Instant lastAt) {}

    Optional<Counts> find(String codeKey) {
        return jdbc.sql("SELECT scans, scans_after_sold, first_scan_at, last_scan_at FROM qr_scan WHERE code_key = ?")
                .param(codeKey)
                .query((rs, row) -> new Counts(
                        codeKey,
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    void save(List<Counts> counts) {
        template.batchUpdate(
                """
                MERGE INTO qr_scan (code_key, scans, scans_after_sold, first_scan_at, last_scan_at)
                KEY (code_key) VALUES (?, ?, ?, ?, ?)""",
                counts.stream()
                        .map(c -> new Object[] {
                            c.codeKey(), c.scans(), c.afterSoldOut(), utc(c.firstAt()), utc(c.lastAt())
                        })
                        .toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
