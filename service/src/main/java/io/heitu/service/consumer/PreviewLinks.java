package io.heitu.service.consumer;

import io.heitu.service.identity.KeyVault;
import io.heitu.service.qr.DigitalLink;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The owner's preview of a lot's consumer page: {@code /01/{gtin}/10/{lot}?preview={expiry}.{tag}},
 * signed by the service (HMAC under a key derived from the master key) for {@value #DAYS} days. A
 * preview shows what a shopper scanning a genuine code of the lot would see, marked as a preview
 * and not counted as a scan. Only a link the service signed for that lot is a preview; anything
 * else is an unsigned code and is judged as one.
 */
@Component
public class PreviewLinks {

    static final String PARAM = "preview";
    static final int DAYS = 7;
    private static final int TAG = 16;

    private final Macs macs;

    PreviewLinks(KeyVault vault) {
        this.macs = new Macs(vault.derive("consumer/preview"));
    }

    /** What a preview parameter turned out to be. */
    enum Check {
        VALID,
        /** Signed for this lot by this service, but too old: the owner opens it again from the lot. */
        EXPIRED,
        INVALID
    }

    /** The path and query of a fresh preview of the lot's page. */
    public String link(String gtin, String lotCode) {
        DigitalLink lot = DigitalLink.ofLot(gtin, lotCode);
        long expiry = Instant.now().plus(Duration.ofDays(DAYS)).getEpochSecond();
        return lot.path() + "?" + PARAM + "=" + expiry + "." + encode(tag(lot, expiry));
    }

    Check check(DigitalLink code, String value, Instant now) {
        if (value == null || code.perUnit()) {
            return Check.INVALID;
        }
        int dot = value.indexOf('.');
        if (dot < 1 || dot > 12) {
            return Check.INVALID;
        }
        long expiry;
        byte[] given;
        try {
            expiry = Long.parseLong(value.substring(0, dot));
            given = Base64.getUrlDecoder().decode(value.substring(dot + 1));
        } catch (IllegalArgumentException garbled) {
            return Check.INVALID;
        }
        if (!Macs.same(given, tag(code, expiry))) {
            return Check.INVALID;
        }
        return now.getEpochSecond() > expiry ? Check.EXPIRED : Check.VALID;
    }

    private byte[] tag(DigitalLink lot, long expiry) {
        return macs.tag(lot.gtin() + "/" + lot.lot() + "/" + expiry, TAG);
    }

    private static String encode(byte[] tag) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    }
}
