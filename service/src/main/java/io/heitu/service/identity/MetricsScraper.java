package io.heitu.service.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The account Prometheus scrapes {@code /actuator/prometheus} with: not a user of the ledger, no
 * organisation, no key, only this one endpoint. Set {@code heitu.metrics.username} and {@code
 * heitu.metrics.password} (plain, or a {@code {bcrypt}…} hash); without them nobody but an admin
 * reads metrics.
 */
@Component
class MetricsScraper {

    static final String ROLE = "METRICS";

    private final String username;
    private final String password;

    MetricsScraper(
            @Value("${heitu.metrics.username:}") String username,
            @Value("${heitu.metrics.password:}") String password) {
        this.username = username;
        this.password = password;
    }

    AuthenticationProvider provider(PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(name -> {
            if (username.isBlank() || password.isBlank() || !username.equals(name)) {
                throw new UsernameNotFoundException("not the metrics account");
            }
            UserDetails scraper = User.withUsername(username)
                    .password(password.startsWith("{") ? password : "{noop}" + password)
                    .roles(ROLE)
                    .build();
            return scraper;
        });
        provider.setPasswordEncoder(passwords);
        return provider;
    }
}
