package io.heitu.service.origin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scheme, host and port the service is reached at, as configured ({@code heitu.qr.resolver-base}:
 * the service is its own resolver, so codes and links share one origin). A forged {@code Host}
 * would otherwise be repeated to every client that follows a paging link or reads a problem's
 * instance.
 */
@Component
public class PublicOrigin {

    private final String base;

    PublicOrigin(@Value("${heitu.qr.resolver-base:http://localhost:8080}") String configured) {
        this.base = withoutTrailingSlash(configured);
    }

    /** A configured base as codes and links join it to a path: {@code https://q.example.cn/} → {@code https://q.example.cn}. */
    public static String withoutTrailingSlash(String configured) {
        return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** The origin without a trailing slash: {@code https://q.example.cn}. */
    public String base() {
        return base;
    }

    /** The absolute URL of this request's path (without its query) on the configured origin. */
    public String url(HttpServletRequest request) {
        return base + request.getRequestURI();
    }
}
