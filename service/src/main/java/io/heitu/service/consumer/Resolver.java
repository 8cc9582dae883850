package io.heitu.service.consumer;

import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.LedgerIntegrity;
import io.heitu.service.lot.page.LotPage;
import io.heitu.service.lot.page.LotPages;
import io.heitu.service.lot.page.Names;
import io.heitu.service.lot.page.Quantities;
import io.heitu.service.qr.CodeCheck;
import io.heitu.service.qr.CodeFinding;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.QrSettings;
import io.heitu.service.qr.SignedLink;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Answers a scan along one straight path, each step once: the code check (signature, then the lot's
 * page, then the issuance: {@link CodeChecks}), the scan count, freezes, and the {@link Verdict}
 * ({@link Verdicts}).
 */
@Service
public class Resolver {

    private final CodeChecks checks;
    private final LotPages pages;
    private final Scans scans;
    private final Freezes freezes;
    private final Names names;
    private final LedgerIntegrity integrity;
    private final Ledger ledger;
    private final QrSettings settings;
    private final MessageSource messages;

    Resolver(
            CodeChecks checks,
            LotPages pages,
            Scans scans,
            Freezes freezes,
            Names names,
            LedgerIntegrity integrity,
            Ledger ledger,
            QrSettings settings,
            MessageSource messages) {
        this.checks = checks;
        this.pages = pages;
        this.scans = scans;
        this.freezes = freezes;
        this.names = names;
        this.integrity = integrity;
        this.ledger = ledger;
        this.settings = settings;
        this.messages = messages;
    }

    /**
     * @param uri the scanned Digital Link with its {@code s} parameter
     * @param client who scanned, to count; null when this is no scan to count (a reload, the
     *     language switch, a linkset): the code's counts are shown as they stand
     * @throws io.heitu.service.qr.QrException for a path that is no Digital Link (bad GTIN check digit, lot, serial)
     */
    public Resolution resolve(String uri, Locale locale, ScanClient client) {
        CodeChecks.Scanned scanned = checks.check(uri);
        CodeCheck code = scanned.checked().check();
        DigitalLink link = code.link();
        // A code that fails its check gets no product story that could lend it credibility.
        LotPage page = code.genuine() ? scanned.page() : null;
        Scans.Stats stats = null;
        if (code.genuine()) {
            stats = client != null
                    ? scans.record(link, page != null && page.lot().soldOut(), client)
                    : scans.peek(link);
        }
        return answer(code, page, stats, scanned.checked().issuanceId(), false, locale);
    }

    /**
     * The owner's preview of a lot's page: what a shopper scanning a genuine code of the lot would
     * be told (its recall, hold, freeze or lapsed certificate included), counted nowhere.
     *
     * @throws io.heitu.service.ledger.LedgerException.Rejected LOT_NOT_FOUND
     */
    public Resolution preview(DigitalLink lot, Locale locale) {
        LotPage page = pages.get(lot.gtin(), lot.lot());
        String owner =
                page.product().owner() == null ? null : page.product().owner().mspId();
        CodeCheck asIfGenuine = new CodeCheck(CodeFinding.GENUINE, lot, null, owner);
        String issuance = page.issuances().isEmpty()
                ? null
                : page.issuances().get(page.issuances().size() - 1).issuanceId();
        return answer(asIfGenuine, page, null, issuance, true, locale);
    }

    private Resolution answer(
            CodeCheck code, LotPage page, Scans.Stats stats, String issuanceId, boolean preview, Locale locale) {
        DigitalLink link = code.link();
        Optional<Freezes.Freeze> freeze = freezes.find(link);
        LedgerIntegrity.Checked lastCheck = integrity.last();
        Verdicts.Decision decision = Verdicts.decide(
                code, integrity.verified(), page, freeze, stats, settings, LocalDate.now(Quantities.CHINA));
        Verdict verdict = decision.verdict();
        String key = "verdict." + verdict.name();
        return new Resolution(
                new Resolution.Code(
                        settings.uri(new SignedLink(link, null)),
                        link.gtin(),
                        link.lot(),
                        link.serial(),
                        link.perUnit(),
                        code.keyId()),
                verdict,
                verdict == Verdict.GENUINE,
                verdict.severity(),
                messages.getMessage(key + ".title", null, verdict.name(), locale),
                messages.getMessage(key + ".detail", null, "", locale),
                decision.reason(),
                preview,
                names.org(code.org()),
                stats,
                freeze.orElse(null),
                page,
                new Resolution.Ledger(
                        ledger.kind(),
                        integrity.verified(),
                        lastCheck == null ? null : lastCheck.at().atOffset(Quantities.CHINA),
                        proof(page, issuanceId)));
    }

    private static LotPage.Proof proof(LotPage page, String issuanceId) {
        if (page == null || issuanceId == null) {
            return null;
        }
        return page.issuances().stream()
                .filter(issuance -> issuance.issuanceId().equals(issuanceId))
                .map(LotPage.Issuance::proof)
                .findFirst()
                .orElse(null);
    }
}
