package io.heitu.service.consumer;

import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.lot.page.LotPage;
import io.heitu.service.qr.CodeCheck;
import io.heitu.service.qr.CodeFinding;
import io.heitu.service.qr.QrSettings;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The one place that decides what a scan tells the consumer, in this order: the code itself
 * (signature, key, issuance), then whether the ledger verified, then what is known against the code
 * or lot (freeze, recall, hold, lapsed certificate), then the scan pattern. The first finding wins.
 *
 * <p>Scan pattern, per unit code only (a lot code is on every bag and scanned by everyone), counted
 * in distinct clients and places ({@link ScanClient}), never in requests, so no single client can
 * turn a genuine code suspicious however often it asks: scans from more than {@code
 * suspiciousPlaces} places, or by more than {@code clientsAfterSoldOut} clients while the lot had
 * nothing left anywhere — once a lot is sold out each bag is in one household. The reason names
 * the counts ({@code SCANNED_IN_14_PLACES_IN_2_DAYS}), and the page says them in words.
 */
final class Verdicts {

    private Verdicts() {}

    /** A decision and the reason behind it: a {@link CodeFinding} name, a certificate number, counts. */
    record Decision(Verdict verdict, String reason) {}

    static Decision decide(
            CodeCheck code,
            boolean ledgerVerified,
            LotPage page,
            Optional<Freezes.Freeze> freeze,
            Scans.Stats scans,
            QrSettings settings,
            LocalDate today) {
        switch (code.finding()) {
            case GENUINE -> {}
            case SIGNATURE_INVALID, MALFORMED -> {
                return new Decision(Verdict.SIGNATURE_INVALID, code.finding().name());
            }
            case KEY_REVOKED -> {
                return new Decision(Verdict.KEY_REVOKED, code.keyId());
            }
            default -> {
                return new Decision(Verdict.UNKNOWN_CODE, code.finding().name());
            }
        }
        if (!ledgerVerified) {
            return new Decision(Verdict.UNVERIFIED, "LEDGER_VERIFICATION_FAILED");
        }
        if (page == null) {
            return new Decision(Verdict.UNKNOWN_CODE, "LOT_NOT_FOUND");
        }
        if (freeze.isPresent()) {
            return new Decision(Verdict.FROZEN, freeze.get().reason());
        }
        LotState state = page.lot().standing();
        if (state == LotState.RECALLED) {
            return new Decision(
                    Verdict.RECALLED,
                    page.lot().recall() == null ? null : page.lot().recall().reason());
        }
        if (state == LotState.ON_HOLD) {
            return new Decision(
                    Verdict.ON_HOLD,
                    page.lot().hold() == null ? null : page.lot().hold().reason());
        }
        var lapsed = page.lapsed(today);
        if (!lapsed.isEmpty()) {
            return new Decision(Verdict.CERTIFICATE_EXPIRED, lapsed.get(0).number());
        }
        if (code.link().perUnit() && scans != null) {
            if (scans.places() > settings.suspiciousPlaces()) {
                return new Decision(
                        Verdict.SUSPICIOUS, "SCANNED_IN_" + scans.places() + "_PLACES_IN_" + scans.days() + "_DAYS");
            }
            if (scans.clientsAfterSoldOut() > settings.clientsAfterSoldOut()) {
                return new Decision(
                        Verdict.SUSPICIOUS, "SCANNED_BY_" + scans.clientsAfterSoldOut() + "_CLIENTS_AFTER_SOLD_OUT");
            }
        }
        return new Decision(Verdict.GENUINE, null);
    }
}
