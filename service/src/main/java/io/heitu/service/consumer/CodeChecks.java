package io.heitu.service.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.heitu.service.lot.page.LotPage;
import io.heitu.service.lot.page.LotPages;
import io.heitu.service.qr.CodeCheck;
import io.heitu.service.qr.CodeFinding;
import io.heitu.service.qr.CodeVerifier;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Issuances;
import io.heitu.service.qr.PublishedKeys;
import io.heitu.service.qr.QrException;
import io.heitu.service.qr.SignedLink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first steps of a scan, each taken once: the code's signature against the keys on the ledger,
 * then its lot's page, then whether the signer recorded an issuance for the lot with that key (and,
 * for a unit, whether this service issued the serial in that issuance). What a code was found to
 * be is kept per code (signature included) until keys or issuances change, so a popular code costs
 * one signature check, not one per scan; the page comes from {@link LotPages}, read once per scan.
 */
@Component
public class CodeChecks {

    private final LotPages pages;
    private final Issuances issuances;
    private final PublishedKeys keys;
    private final Cache<String, Checked> answers =
            Caffeine.newBuilder().maximumSize(200_000).build();
    /** Counts {@link #forget()}s, so an answer worked out across one is not kept. */
    private final AtomicLong forgotten = new AtomicLong();

    CodeChecks(LotPages pages, Issuances issuances, PublishedKeys keys) {
        this.pages = pages;
        this.issuances = issuances;
        this.keys = keys;
    }

    /** What checking a code found and, for a genuine code, the ledger issuance it belongs to. */
    public record Checked(CodeCheck check, String issuanceId) {}

    /** A checked code and its lot's page: null unless the signature checks out and the ledger has the lot. */
    public record Scanned(Checked checked, LotPage page) {}

    /**
     * Checks a scanned URI; answers are kept by the URI's path and query, so a code scanned again
     * is not even parsed again. A garbled signature parameter on a sound path is {@link
     * CodeFinding#MALFORMED}.
     *
     * @throws io.heitu.service.qr.QrException for a path that is no Digital Link (not kept)
     */
    public Scanned check(String uri) {
        int path = uri.indexOf("/01/");
        String key = path < 0 ? uri : uri.substring(path);
        Checked known = answers.getIfPresent(key);
        if (known != null) {
            return new Scanned(
                    known, known.check().genuine() ? page(known.check().link()) : null);
        }
        long generation = forgotten.get();
        CodeCheck signed = signature(uri);
        LotPage page = signed.genuine() ? page(signed.link()) : null;
        Checked checked = issued(signed, page);
        if (forgotten.get() == generation) {
            answers.put(key, checked);
        }
        return new Scanned(checked, page);
    }

    /** Keys or issuances changed: every kept answer may be wrong now. */
    public void forget() {
        forgotten.incrementAndGet();
        answers.invalidateAll();
    }

    @EventListener
    void issued(Issuances.Stored stored) {
        forget();
    }

    private CodeCheck signature(String uri) {
        SignedLink code;
        try {
            code = SignedLink.parse(uri);
        } catch (QrException garbled) {
            return new CodeCheck(CodeFinding.MALFORMED, DigitalLink.parse(uri), null, null);
        }
        return CodeVerifier.signature(code, keyId -> keys.keySet().find(keyId));
    }

    private LotPage page(DigitalLink link) {
        return pages.find(link.gtin(), link.lot());
    }

    /** A signed code is genuine only if its key's organisation recorded an issuance covering it. */
    private Checked issued(CodeCheck signed, LotPage page) {
        if (!signed.genuine()) {
            return new Checked(signed, null);
        }
        Optional<String> issuance = page == null ? Optional.empty() : issuance(signed, page);
        return issuance.map(id -> new Checked(signed, id))
                .orElseGet(() -> new Checked(
                        new CodeCheck(CodeFinding.NOT_ISSUED, signed.link(), signed.keyId(), signed.org()), null));
    }

    /** The ledger issuance by the key's organisation with the key that covers the code. */
    private Optional<String> issuance(CodeCheck signed, LotPage page) {
        DigitalLink link = signed.link();
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
