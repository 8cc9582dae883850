package io.heitu.service.consumer;

import io.heitu.service.identity.KeyVault;
import io.heitu.service.qr.DigitalLink;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Which codes this browser has already been counted for, so that a reload, the language switch or
 * the back button is not another scan: a first-party cookie, sent only to the resolver's paths,
 * holding a short keyed tag (HMAC) per code, the last {@value #KEEP} codes.
 *
 * <p>The cookie can only ever spare a count, never add one: a request without it is counted once,
 * as any scan is, and a tag cannot be made for a code without the service's key, so a forged
 * cookie spares nothing but that browser's own repeat visits. A client that drops cookies is
 * counted on every visit, as before; telling distinct clients apart is the scan signals' job.
 */
@Component
class ScanMemory {

    static final String COOKIE = "heitu_seen";
    static final int KEEP = 24;
    private static final int TAG = 8;
    private static final Duration KEPT_FOR = Duration.ofDays(90);

    private final Macs macs;

    ScanMemory(KeyVault vault) {
        this.macs = new Macs(vault.derive("consumer/scan-memory"));
    }

    /** What the browser's cookie says, read once per request. */
    Seen of(HttpServletRequest request) {
        List<byte[]> tags = new ArrayList<>();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    tags = decode(cookie.getValue());
                }
            }
        }
        return new Seen(tags, request.isSecure());
    }

    /** The codes one browser has been counted for. */
    final class Seen {
        private final List<byte[]> tags;
        private final boolean secure;

        private Seen(List<byte[]> tags, boolean secure) {
            this.tags = tags;
            this.secure = secure;
        }

        boolean contains(DigitalLink code) {
            byte[] tag = tag(code);
            return tags.stream().anyMatch(known -> Macs.same(known, tag));
        }

        /** The cookie that remembers this code too (the oldest code dropped beyond {@value #KEEP}). */
        ResponseCookie with(DigitalLink code) {
            List<byte[]> kept = new ArrayList<>(tags);
            byte[] tag = tag(code);
            kept.removeIf(known -> Macs.same(known, tag));
            kept.add(tag);
            while (kept.size() > KEEP) {
                kept.remove(0);
            }
            byte[] joined = new byte[kept.size() * TAG];
            for (int i = 0; i < kept.size(); i++) {
                System.arraycopy(kept.get(i), 0, joined, i * TAG, TAG);
            }
            return ResponseCookie.from(
                            COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(joined))
                    .path("/01/")
                    .maxAge(KEPT_FOR)
                    .httpOnly(true)
                    .secure(secure)
                    .sameSite("Lax")
                    .build();
        }
    }

    private byte[] tag(DigitalLink code) {
        return macs.tag(Scans.key(code), TAG);
    }

    private static List<byte[]> decode(String value) {
        List<byte[]> tags = new ArrayList<>();
        byte[] joined;
        try {
            joined = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException garbled) {
            return tags;
        }
        for (int at = 0; at + TAG <= joined.length && tags.size() < KEEP; at += TAG) {
            tags.add(java.util.Arrays.copyOfRange(joined, at, at + TAG));
        }
        return tags;
    }
}
