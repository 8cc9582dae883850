package io.heitu.service.app;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The weight unit a user thinks in. The ledger keeps kilograms; a farmer who weighed 2000 斤 should
 * read 2000 斤 back, not 1000 kg. The unit last entered in a form is remembered in a cookie; before
 * that, farms read 斤 and everyone else kg.
 */
@Component
class Units {

    static final String COOKIE = "heitu_unit";
    static final String JIN = "JIN";
    static final String KGM = "KGM";

    /** {@code JIN} or {@code KGM} for the current request's user. */
    String weight() {
        HttpServletRequest request = request();
        if (request != null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())
                        && (JIN.equals(cookie.getValue()) || KGM.equals(cookie.getValue()))) {
                    return cookie.getValue();
                }
            }
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean farm = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_PRODUCER"));
        return farm ? JIN : KGM;
    }

    /** The cookie that remembers a weight unit just entered; null for anything that is no weight. */
    ResponseCookie remember(String uom) {
        if (!JIN.equals(uom) && !KGM.equals(uom)) {
            return null;
        }
        return ResponseCookie.from(COOKIE, uom)
                .path("/app")
                .maxAge(Duration.ofDays(365))
                .httpOnly(true)
                .sameSite("Lax")
                .build();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
