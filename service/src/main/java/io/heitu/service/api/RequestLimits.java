package io.heitu.service.api;

import io.heitu.service.HeituProperties;
import io.heitu.service.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.StreamReadConstraints;

/**
 * Bounds on what a request may be: the body size of API calls (413 before anything is parsed) and
 * the shape of JSON (nesting, string and number length), so hostile input costs little.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimits {

    /**
     * Jackson 3 sets read constraints on the token stream factory, which Boot's mapper builder does
     * not expose; the process-wide default is set before any mapper exists (from the application
     * class's static initialiser).
     */
    public static void applyJsonLimits() {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(1_000_000)
                .maxNumberLength(64)
                .maxDocumentLength(2_000_000L)
                .build());
    }

    @Bean
    OncePerRequestFilter apiBodyLimit(HeituProperties properties, Problems problems) {
        long max = properties.api() == null ? 1_048_576 : properties.api().maxBodyBytes();
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // Photo uploads are multipart, bounded by spring.servlet.multipart instead.
                if (request.getRequestURI().startsWith("/api/")
                        && request.getContentLengthLong() > max
                        && !isMultipart(request)) {
                    problems.write(response, problems.problem("PAYLOAD_TOO_LARGE", request, null));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }
}
