package io.heitu.service.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.heitu.service.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guessing passwords is slowed to nothing: after {@value #PER_ACCOUNT} failed sign-ins to one
 * account, or {@value #PER_CLIENT} from one client address, within {@link #WINDOW}, further
 * attempts for that account or from that client are refused without checking the password until
 * the window has passed since the last failure — by form (back to the sign-in page, {@code
 * ?locked}) and by HTTP Basic ({@code 429} problem+json {@code LOGIN_LOCKED} with {@code
 * Retry-After}). A success clears the account's count. Bearer tokens are long random values and
 * are not throttled here.
 *
 * <p>Locking an account by failures lets anyone lock a known user name out for the window; the
 * window is short and the client count stops one address from doing it to many accounts.
 */
@Component
public class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> accounts = counters();
    private final Cache<String, AtomicInteger> clients = counters();

    private static Cache<String, AtomicInteger> counters() {
        return Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(WINDOW)
                .build();
    }

    /** Whether sign-ins for this account or from this client are refused for now. */
    boolean locked(String username, String client) {
        AtomicInteger account = username == null ? null : accounts.getIfPresent(key(username));
        AtomicInteger from = client == null ? null : clients.getIfPresent(client);
        return (account != null && account.get() >= PER_ACCOUNT) || (from != null && from.get() >= PER_CLIENT);
    }

    void failed(String username, String client) {
        if (username != null) {
            bump(accounts, key(username));
        }
        if (client != null) {
            bump(clients, client);
        }
    }

    void succeeded(String username) {
        if (username != null) {
            accounts.invalidate(key(username));
        }
    }

    /** Each failure restarts the window (the cache entry is written again). */
    private static void bump(Cache<String, AtomicInteger> counters, String key) {
        AtomicInteger count = counters.get(key, k -> new AtomicInteger());
        count.incrementAndGet();
        counters.put(key, count);
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), currentClient());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String currentClient() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    /** Refuses a sign-in attempt (a form post to /login, a Basic header) while it is locked. */
    static final class Gate extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final Problems problems;

        Gate(LoginThrottle throttle, Problems problems) {
            this.throttle = throttle;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI());
            String username = form ? request.getParameter("username") : basicUser(request.getHeader("Authorization"));
            if ((form || username != null) && throttle.locked(username, request.getRemoteAddr())) {
                if (form) {
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                } else {
                    response.setHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
                    problems.write(response, problems.problem("LOGIN_LOCKED", request, null));
                }
                return;
            }
            chain.doFilter(request, response);
        }

        private static String basicUser(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException garbled) {
                return null;
            }
        }
    }
}
