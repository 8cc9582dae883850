package io.heitu.service.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer hk_…}: a personal token instead of a password, for machines and scripts. */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final Identities identities;

    BearerTokenFilter(Identities identities) {
        this.identities = identities;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            identities.byToken(header.substring(7).strip()).ifPresent(account -> {
                SignedInUser user = new SignedInUser(account);
                SecurityContextHolder.getContext()
                        .setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            });
        }
        chain.doFilter(request, response);
    }
}
