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

    /**
     * A code's counts; {@code firstAt} is null before its first scan. The tag sets are 8-byte
     * {@link ScanClient} tags, concatenated.
     */
    record Counts(
            String codeKey,
            long scans,
            long afterSoldOut,
            Instant firstAt,
            Instant lastAt,
            byte[] clients,
            byte[] places,
            byte[] clientsAfterSoldOut) {}

    Optional<Counts> find(String codeKey) {
        return jdbc.sql("""
                        SELECT scans, scans_after_sold, first_scan_at, last_scan_at, clients, places, clients_after_sold
                        FROM qr_scan WHERE code_key = ?""")
                .param(codeKey)
                .query((rs, row) -> new Counts(
                        codeKey,
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getBytes(5),
                        rs.getBytes(6),
                        rs.getBytes(7)))
                .optional();
    }

    void save(List<Counts> counts) {
        template.batchUpdate(
                """
                MERGE INTO qr_scan (code_key, scans, scans_after_sold, first_scan_at, last_scan_at,
                                    clients, places, clients_after_sold)
                KEY (code_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                counts.stream()
                        .map(c -> new Object[] {
                            c.codeKey(),
                            c.scans(),
                            c.afterSoldOut(),
                            utc(c.firstAt()),
                            utc(c.lastAt()),
                            c.clients(),
                            c.places(),
                            c.clientsAfterSoldOut()
                        })
                        .toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
