package io.heitu.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachedPasswordCheckTest {

    /** bcrypt, counting how often it checks a password. */
    static final class Counting implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger matches = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            matches.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    final Counting encoder = new Counting();
    final Map<String, UserDetails> accounts = new HashMap<>();
    final CachedPasswordCheck check = new CachedPasswordCheck(
            name -> {
                UserDetails user = accounts.get(name);
                if (user == null) {
                    throw new UsernameNotFoundException(name);
                }
                return User.withUserDetails(user).build();
            },
            encoder);

    void account(String name, String password, boolean enabled) {
        accounts.put(
                name,
                User.withUsername(name)
                        .password(encoder.encode(password))
                        .roles("PRODUCER")
                        .disabled(!enabled)
                        .build());
    }

    static UsernamePasswordAuthenticationToken login(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    @Test
    void bcrypt_runs_once_for_a_run_of_requests_with_the_same_password() {
        account("farmer", "right", true);
        for (int i = 0; i < 10; i++) {
            assertThat(check.authenticate(login("farmer", "right")).isAuthenticated())
                    .isTrue();
        }
        assertThat(encoder.matches.get()).isEqualTo(1);
    }

    @Test
    void a_wrong_password_is_checked_and_refused_even_after_a_right_one() {
        account("farmer", "right", true);
        check.authenticate(login("farmer", "right"));
        assertThatThrownBy(() -> check.authenticate(login("farmer", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches.get()).isEqualTo(2);
    }

    @Test
    void a_changed_password_or_a_disabled_account_takes_effect_at_once() {
        account("farmer", "right", true);
        check.authenticate(login("farmer", "right"));
        account("farmer", "new", true);
        assertThatThrownBy(() -> check.authenticate(login("farmer", "right")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(check.authenticate(login("farmer", "new")).isAuthenticated()).isTrue();
        account("farmer", "new", false);
        assertThatThrownBy(() -> check.authenticate(login("farmer", "new"))).isInstanceOf(DisabledException.class);
    }
}
