package io.heitu.service.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.qr.CodeVerifier;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Issuances;
import io.heitu.service.qr.PublishedKey;
import io.heitu.service.qr.PublishedKeys;
import io.heitu.service.qr.QrException;
import io.heitu.service.qr.SignedLink;
import io.heitu.service.qr.Verdict;
import io.heitu.service.qr.Verification;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks codes: the signature against the keys on the ledger, then that the signer recorded an
 * issuance for the lot with that key on the ledger and, for a unit, that this service issued the
 * serial in that issuance. Answers are kept per code (signature included) until keys or
 * issuances change, so a popular code costs one signature check, not one per scan.
 */
@Component
public class CodeChecks {

    private final LotPages pages;
    private final Issuances issuances;
    private final PublishedKeys keys;
    private final CodeVerifier verifier;
    private final Cache<String, Checked> answers =
            Caffeine.newBuilder().maximumSize(200_000).build();

    CodeChecks(LotPages pages, Issuances issuances, PublishedKeys keys) {
        this.pages = pages;
        this.issuances = issuances;
        this.keys = keys;
        this.verifier = new CodeVerifier(keyId -> this.keys.keySet().find(keyId), this::issued);
    }

    /** A verification and, for a genuine code, the ledger issuance it belongs to. */
    public record Checked(Verification verification, String issuanceId) {}

    /**
     * Checks a scanned URI; answers are kept by the URI's path and query, so a code scanned again
     * is not even parsed again. A garbled signature parameter on a sound path is {@link
     * Verdict#MALFORMED}.
     *
     * @throws io.heitu.service.qr.QrException for a path that is no Digital Link (not kept)
     */
    public Checked check(String uri) {
        int path = uri.indexOf("/01/");
        return answers.get(path < 0 ? uri : uri.substring(path), key -> {
            SignedLink code;
            try {
                code = SignedLink.parse(uri);
            } catch (QrException garbled) {
                return new Checked(new Verification(Verdict.MALFORMED, DigitalLink.parse(uri), null, null), null);
            }
            Verification verification = verifier.verify(code);
            return new Checked(
                    verification,
                    verification.genuine() ? issuance(code.link(), verification).orElse(null) : null);
        });
    }

    /** Keys or issuances changed: every kept answer may be wrong now. */
    public void forget() {
        answers.invalidateAll();
    }

    @EventListener
    void issued(Issuances.Stored stored) {
        forget();
    }

    private boolean issued(DigitalLink link, PublishedKey key) {
        return issuance(link, new Verification(Verdict.GENUINE, link, key.keyId(), key.org()))
                .isPresent();
    }

    /** The ledger issuance by the key's organisation with the key that covers the code. */
    private Optional<String> issuance(DigitalLink link, Verification signed) {
        LotPage page;
        try {
            page = pages.get(link.gtin(), link.lot());
        } catch (LedgerException.Rejected noSuchLot) {
            return Optional.empty();
        }
        List<String> onLedger = page.issuances().stream()
                .filter(issuance -> issuance.issuerMsp().equals(signed.org())
                        && issuance.keyId().equals(signed.keyId())
                        && issuance.perUnit() == link.perUnit())
                .map(LotPage.Issuance::issuanceId)
                .toList();
        if (onLedger.isEmpty() || !link.perUnit()) {
            return onLedger.stream().reduce((first, later) -> later);
        }
        return issuances.unitIssuedWith(link, signed.keyId()).filter(onLedger::contains);
    }
}
