package io.heitu.service.consumer;

import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.LedgerIntegrity;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.QrSettings;
import io.heitu.service.qr.SignedLink;
import io.heitu.service.qr.Verification;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Answers a scan: checks the code, counts it, looks up the lot and decides the verdict. */
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
     * @param count whether this is a scan to count (not a linkset or a second look)
     * @throws io.heitu.service.qr.QrException for a path that is no Digital Link (bad GTIN check digit, lot, serial)
     */
    public Resolution resolve(String uri, Locale locale, boolean count) {
        CodeChecks.Checked checked = checks.check(uri);
        Verification verification = checked.verification();
        DigitalLink link = verification.link();
        LotPage page = null;
        Scans.Stats stats = null;
        if (verification.genuine()) {
            page = page(link);
            if (count) {
                stats = scans.record(link, page != null && page.lot().soldOut());
            }
        }
        Optional<Freezes.Freeze> freeze = freezes.find(link);
        LedgerIntegrity.Checked lastCheck = integrity.last();
        Verdicts.Decision decision = Verdicts.decide(
                verification, integrity.verified(), page, freeze, stats, settings, LocalDate.now(Quantities.CHINA));
        Outcome outcome = decision.outcome();
        String key = "verdict." + outcome.name();
        return new Resolution(
                new Resolution.Code(
                        settings.uri(new SignedLink(link, null)),
                        link.gtin(),
                        link.lot(),
                        link.serial(),
                        link.perUnit(),
                        verification.keyId()),
                outcome,
                outcome == Outcome.GENUINE,
                outcome.severity(),
                messages.getMessage(key + ".title", null, outcome.name(), locale),
                messages.getMessage(key + ".detail", null, "", locale),
                decision.reason(),
                names.org(verification.org()),
                stats,
                freeze.orElse(null),
                page,
                new Resolution.Ledger(
                        ledger.kind(),
                        integrity.verified(),
                        lastCheck == null ? null : lastCheck.at().atOffset(Quantities.CHINA),
                        proof(page, checked.issuanceId())));
    }

    private LotPage page(DigitalLink link) {
        try {
            return pages.get(link.gtin(), link.lot());
        } catch (LedgerException.Rejected gone) {
            return null;
        }
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
