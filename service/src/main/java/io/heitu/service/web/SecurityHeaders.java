package io.heitu.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side rules on every answer, pages, files and errors alike: a strict content security
 * policy (the pages have no inline script or style, so nothing but this origin's own files runs or
 * styles them; no framing; forms post here only), no referrer beyond this origin (a consumer page's
 * address carries the code's signature), and no camera, microphone or location for any page but
 * the photo upload (the scan page may open the camera). Swagger UI, a developer's tool, is allowed
 * its inline styles.
 */
final class SecurityHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
            + " form-action 'self'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    static final String PERMISSIONS =
            "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean swagger = path.startsWith("/swagger-ui");
        response.setHeader("Content-Security-Policy", swagger ? SWAGGER_POLICY : POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
