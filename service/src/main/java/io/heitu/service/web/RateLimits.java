package io.heitu.service.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.heitu.service.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets per client (Bucket4j) in front of everything anonymous: the resolver ({@code
 * /01/…}), the scan pages, the evidence files the pages show and the public API. Photo uploads
 * have their own, much smaller bucket: each costs a decode. Beyond a bucket the answer is {@code
 * 429} problem+json ({@code RATE_LIMITED}) with {@code Retry-After} in whole seconds.
 *
 * <p>A client is its address ({@code request.getRemoteAddr()}, which a trusted proxy may set from
 * {@code X-Forwarded-For}); an IPv6 client is its /64, since one host is given a whole /64.
 * Signed-in API calls are not limited here: they are accountable to a user.
 */
final class RateLimits extends OncePerRequestFilter {

    static final String DECODE = "/api/public/decode";

    private final RateLimitSettings settings;
    private final Problems problems;
    private final Cache<String, Bucket> publicBuckets;
    private final Cache<String, Bucket> decodeBuckets;

    RateLimits(RateLimitSettings settings, Problems problems) {
        this.settings = settings;
        this.problems = problems;
        this.publicBuckets = cache(settings);
        this.decodeBuckets = cache(settings);
    }

    private static Cache<String, Bucket> cache(RateLimitSettings settings) {
        return Caffeine.newBuilder()
                .maximumSize(settings.clients())
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    static boolean limited(String path) {
        return path.startsWith("/01/")
                || path.startsWith("/api/public/")
                || path.equals("/scan")
                || path.startsWith("/scan/")
                || path.startsWith("/evidence/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || !limited(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = client(request.getRemoteAddr());
        Bucket bucket = publicBuckets.get(
                client, key -> bucket(settings.publicBurst(), settings.publicPerSecond(), Duration.ofSeconds(1)));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed() && request.getRequestURI().equals(DECODE) && "POST".equals(request.getMethod())) {
            probe = decodeBuckets
                    .get(client, key -> bucket(settings.decodeBurst(), 1, settings.decodePer()))
                    .tryConsumeAndReturnRemaining(1);
        }
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            response.setHeader("Retry-After", Long.toString(seconds));
            problems.write(response, problems.problem("RATE_LIMITED", request, "retry after " + seconds + " s"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static Bucket bucket(int burst, int tokens, Duration per) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst)
                        .refillGreedy(tokens, per)
                        .build())
                .build();
    }

    /** The address that one bucket belongs to: an IPv4 address, or an IPv6 /64. */
    static String client(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        try {
            if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%')) {
                return address;
            }
            byte[] raw = InetAddress.getByName(address).getAddress();
            if (raw.length == 4) {
                return InetAddress.getByAddress(raw).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(String.format("%02x", raw[i]));
            }
            return prefix.toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
