package io.heitu.service.consumer;

import io.heitu.service.identity.Identities;
import io.heitu.service.identity.UserAccount;
import io.heitu.service.lot.page.LotPages;
import io.heitu.service.problem.ApiException;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Issuances;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Codes and lots frozen by their owner (the lot's producer or an organisation that issued codes
 * for it) or a regulator: a scan then says so instead of "genuine", at once, without waiting for
 * a recall on the ledger. Active freezes are few and all kept in memory.
 */
@Component
public class Freezes {

    private final JdbcClient jdbc;
    private final LotPages pages;
    private final Issuances issuances;
    private final Identities identities;
    private final Map<String, Freeze> active = new ConcurrentHashMap<>();

    Freezes(JdbcClient jdbc, LotPages pages, Issuances issuances, Identities identities) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.issuances = issuances;
        this.identities = identities;
        jdbc.sql("SELECT * FROM qr_freeze WHERE lifted_at IS NULL")
                .query(Freeze.class)
                .list()
                .forEach(freeze -> active.put(freeze.key(), freeze));
    }

    /** A freeze of one unit code (serial set) or of a whole lot and all its codes. */
    public record Freeze(
            Long id,
            String gtin,
            String lotCode,
            String serial,
            String reason,
            String frozenBy,
            String frozenByMsp,
            OffsetDateTime frozenAt) {

        String key() {
            return gtin + "/" + lotCode + (serial == null ? "" : "/" + serial);
        }
    }

    /** The lot's freeze, else the unit's. */
    public Optional<Freeze> find(DigitalLink code) {
        Freeze lot = active.get(code.gtin() + "/" + code.lot());
        if (lot != null || !code.perUnit()) {
            return Optional.ofNullable(lot);
        }
        return Optional.ofNullable(active.get(code.gtin() + "/" + code.lot() + "/" + code.serial()));
    }

    public List<Freeze> of(String gtin, String lotCode) {
        return active.values().stream()
                .filter(freeze -> freeze.gtin().equals(gtin) && freeze.lotCode().equals(lotCode))
                .toList();
    }

    public synchronized Freeze freeze(UserAccount account, DigitalLink code, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new ApiException("INVALID_ARGUMENT", "a freeze gives a reason of at most 500 characters");
        }
        requireOwnerOrRegulator(account, code);
        Freeze existing = find(code).orElse(null);
        if (existing != null && existing.key().equals(Scans.key(code))) {
            return existing;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Long id = jdbc.sql("""
                        SELECT id FROM FINAL TABLE (INSERT INTO qr_freeze
                            (gtin, lot_code, serial, reason, frozen_by, frozen_by_msp, frozen_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?))""")
                .params(code.gtin(), code.lot(), code.serial(), reason, account.username(), account.mspId(), now)
                .query(Long.class)
                .single();
        Freeze freeze = new Freeze(
                id, code.gtin(), code.lot(), code.serial(), reason, account.username(), account.mspId(), now);
        active.put(freeze.key(), freeze);
        return freeze;
    }

    public synchronized void lift(UserAccount account, long id) {
        Freeze freeze = active.values().stream()
                .filter(f -> f.id() == id)
                .findFirst()
                .orElseThrow(() -> new ApiException("NOT_FOUND", "no active freeze " + id));
        requirePlacerOrRegulator(account, freeze);
        jdbc.sql("UPDATE qr_freeze SET lifted_by = ?, lifted_at = ? WHERE id = ?")
                .params(account.username(), OffsetDateTime.now(ZoneOffset.UTC), id)
                .update();
        active.remove(freeze.key());
    }

    /**
     * A freeze is lifted by the organisation that placed it acting in the role it placed it in, or by
     * a regulator: a lot owner never lifts a regulator's freeze, nor an inspector's.
     */
    private void requirePlacerOrRegulator(UserAccount account, Freeze freeze) {
        if ("regulator".equals(account.role())) {
            return;
        }
        String placerRole =
                identities.user(freeze.frozenBy()).map(UserAccount::role).orElse("regulator");
        if (!account.mspId().equals(freeze.frozenByMsp()) || !account.role().equals(placerRole)) {
            throw new ApiException(
                    "FREEZE_NOT_YOURS",
                    "freeze " + freeze.id() + " was placed by " + freeze.frozenByMsp() + " as " + placerRole
                            + "; only they or a regulator lift it");
        }
    }

    private void requireOwnerOrRegulator(UserAccount account, DigitalLink code) {
        if ("regulator".equals(account.role())) {
            return;
        }
        String producer = pages.get(code.gtin(), code.lot()).lot().producer().mspId();
        if (!producer.equals(account.mspId())
                && !issuances.issuers(code.gtin(), code.lot()).contains(account.mspId())) {
            throw new ApiException("FORBIDDEN_NOT_OWNER", "only the lot's owner or a regulator freezes its codes");
        }
    }
}
