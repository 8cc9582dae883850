package io.heitu.service.consumer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.heitu.service.lot.page.LotPage;
import java.time.OffsetDateTime;

/**
 * The answer to a scan, as JSON and behind the page: the verdict in words, the code, and — for a
 * code that checks out — the lot's page and the ledger proof of its issuance.
 *
 * @param page null unless the code's signature and issuance check out: a forged code gets no
 *     product story that could lend it credibility
 * @param preview the lot owner's signed preview: what a genuine code of the lot would show, not a scan
 * @param scans the code's counts (genuine codes only; null before its first counted scan)
 */
public record Resolution(
        Code code,
        Verdict verdict,
        boolean genuine,
        Verdict.Severity severity,
        String title,
        String detail,
        String reason,
        boolean preview,
        LotPage.Org issuer,
        Scans.Stats scans,
        Freezes.Freeze freeze,
        @JsonUnwrapped LotPage page,
        Ledger ledger) {

    /** What the code says; {@code keyId} is the key it claims. */
    public record Code(String uri, String gtin, String lotCode, String serial, boolean perUnit, String keyId) {}

    /**
     * Whether what is shown is proven: the ledger's kind, whether it verified clean at {@code
     * checkedAt}, and where the code's issuance record sits.
     */
    public record Ledger(String kind, boolean verified, OffsetDateTime checkedAt, LotPage.Proof proof) {}
}
