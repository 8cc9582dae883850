package io.heitu.service.qr;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Issuances and their per-unit codes in the service's database (the ledger has only a digest). */
@Repository
class IssuanceStore {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IssuanceStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** An issuance as stored; {@code lotSignature} is set for a per-lot issuance only. */
    record Row(
            String id,
            String gtin,
            String lotCode,
            String issuerMsp,
            String keyId,
            boolean perUnit,
            int count,
            String lotSignature,
            long blockNumber,
            String issuedBy,
            OffsetDateTime issuedAt) {

        /** The per-lot code's URI on the resolver. */
        String lotUri(QrSettings settings) {
            DigitalLink link = DigitalLink.ofLot(gtin, lotCode);
            return settings.uri(new SignedLink(link, new CodeSignature(keyId, lotSignature)));
        }

        String unitUri(QrSettings settings, Unit unit) {
            DigitalLink link = DigitalLink.ofUnit(gtin, lotCode, unit.serial());
            return settings.uri(new SignedLink(link, new CodeSignature(keyId, unit.signature())));
        }
    }

    /** One per-unit code: its serial and signature value (the key is the issuance's). */
    record Unit(String serial, String signature) {}

    /** Where a unit code was issued, for verifiers. */
    record Issued(String issuanceId, String keyId) {}

    @Transactional
    void save(Row issuance, List<Unit> units) {
        jdbc.sql("""
                        INSERT INTO qr_issuance (id, gtin, lot_code, issuer_msp, key_id, per_unit, code_count,
                                                 lot_signature, block_number, issued_by, issued_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        issuance.id(),
                        issuance.gtin(),
                        issuance.lotCode(),
                        issuance.issuerMsp(),
                        issuance.keyId(),
                        issuance.perUnit(),
                        issuance.count(),
                        issuance.lotSignature(),
                        issuance.blockNumber(),
                        issuance.issuedBy(),
                        issuance.issuedAt())
                .update();
        List<Object[]> rows = new ArrayList<>(Math.min(units.size(), BATCH));
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            rows.add(
                    new Object[] {issuance.gtin(), issuance.lotCode(), unit.serial(), issuance.id(), i, unit.signature()
                    });
            if (rows.size() == BATCH || i == units.size() - 1) {
                template.batchUpdate(
                        "INSERT INTO qr_code (gtin, lot_code, serial, issuance_id, seq, signature) VALUES (?, ?, ?, ?, ?, ?)",
                        rows);
                rows.clear();
            }
        }
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT * FROM qr_issuance WHERE id = ?")
                .param(id)
                .query(IssuanceStore::row)
                .optional();
    }

    /** The organisation's issuances, newest first, optionally for one lot. */
    List<Row> of(String issuerMsp, String gtin, String lotCode, int limit) {
        String lot =
                gtin == null ? "" : lotCode == null ? " AND gtin = :gtin" : " AND gtin = :gtin AND lot_code = :lot";
        var statement = jdbc.sql("SELECT * FROM qr_issuance WHERE issuer_msp = :msp" + lot
                        + " ORDER BY issued_at DESC, id LIMIT :limit")
                .param("msp", issuerMsp)
                .param("limit", limit);
        if (gtin != null) {
            statement = statement.param("gtin", gtin);
        }
        if (gtin != null && lotCode != null) {
            statement = statement.param("lot", lotCode);
        }
        return statement.query(IssuanceStore::row).list();
    }

    /** Organisations that issued codes for the lot here. */
    List<String> issuers(String gtin, String lotCode) {
        return jdbc.sql("SELECT DISTINCT issuer_msp FROM qr_issuance WHERE gtin = ? AND lot_code = ?")
                .params(gtin, lotCode)
                .query(String.class)
                .list();
    }

    List<Unit> units(String issuanceId, int offset, int limit) {
        return jdbc.sql("SELECT serial, signature FROM qr_code WHERE issuance_id = ? AND seq >= ? ORDER BY seq LIMIT ?")
                .params(issuanceId, offset, limit)
                .query((rs, row) -> new Unit(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** By the primary key (a serial is issued once per lot), then checked against the issuance. */
    Optional<Unit> unit(Row issuance, String serial) {
        return jdbc.sql("SELECT serial, signature FROM qr_code"
                        + " WHERE gtin = ? AND lot_code = ? AND serial = ? AND issuance_id = ?")
                .params(issuance.gtin(), issuance.lotCode(), serial, issuance.id())
                .query((rs, row) -> new Unit(rs.getString(1), rs.getString(2)))
                .optional();
    }

    Optional<Issued> issued(String gtin, String lotCode, String serial) {
        return jdbc.sql("""
                        SELECT i.id, i.key_id FROM qr_code c JOIN qr_issuance i ON i.id = c.issuance_id
                        WHERE c.gtin = ? AND c.lot_code = ? AND c.serial = ?""")
                .params(gtin, lotCode, serial)
                .query((rs, row) -> new Issued(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** A unit code by what its label prints (GTIN, lot, serial): its issuance and signature. */
    Optional<Row> issuanceOfUnit(String gtin, String lotCode, String serial) {
        return jdbc.sql("""
                        SELECT i.* FROM qr_code c JOIN qr_issuance i ON i.id = c.issuance_id
                        WHERE c.gtin = ? AND c.lot_code = ? AND c.serial = ?""")
                .params(gtin, lotCode, serial)
                .query(IssuanceStore::row)
                .optional();
    }

    /** The newest per-lot issuance of a lot, whose one code every bag carries. */
    Optional<Row> newestLotIssuance(String gtin, String lotCode) {
        return jdbc.sql("""
                        SELECT * FROM qr_issuance WHERE gtin = ? AND lot_code = ? AND per_unit = FALSE
                        ORDER BY issued_at DESC, id LIMIT 1""").params(gtin, lotCode).query(IssuanceStore::row).optional();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("gtin"),
                rs.getString("lot_code"),
                rs.getString("issuer_msp"),
                rs.getString("key_id"),
                rs.getBoolean("per_unit"),
                rs.getInt("code_count"),
                rs.getString("lot_signature"),
                rs.getLong("block_number"),
                rs.getString("issued_by"),
                rs.getObject("issued_at", OffsetDateTime.class));
    }
}
