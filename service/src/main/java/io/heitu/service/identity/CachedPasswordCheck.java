package io.heitu.service.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are checked with bcrypt once, then remembered for a minute: HTTP Basic sends the
 * password with every API call, and bcrypt costs tens of milliseconds on purpose. What is
 * remembered is a salted SHA-256 of user name and password (the salt is random per process, never
 * stored), so a memory dump gives nothing bcrypt would not. The account is loaded on every request
 * all the same, and the digest covers its stored password hash too, so a disabled account or a
 * changed password is refused at once.
 */
final class CachedPasswordCheck implements AuthenticationProvider {

    static final Duration REMEMBERED_FOR = Duration.ofSeconds(60);

    private final DaoAuthenticationProvider bcrypt;
    private final UserDetailsService users;
    private final byte[] salt = new byte[32];
    private final Cache<String, String> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();

    CachedPasswordCheck(UserDetailsService users, PasswordEncoder passwords) {
        this.users = users;
        this.bcrypt = new DaoAuthenticationProvider(users);
        this.bcrypt.setPasswordEncoder(passwords);
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return bcrypt.authenticate(authentication);
        }
        String remembered = verified.getIfPresent(username);
        if (remembered != null) {
            UserDetails user = users.loadUserByUsername(username);
            if (!remembered.equals(digest(username, password, user.getPassword()))) {
                return remember(bcrypt.authenticate(authentication), username, password);
            }
            if (!user.isEnabled() || !user.isAccountNonLocked()) {
                verified.invalidate(username);
                throw new DisabledException("account disabled");
            }
            UsernamePasswordAuthenticationToken token =
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            token.setDetails(authentication.getDetails());
            return token;
        }
        return remember(bcrypt.authenticate(authentication), username, password);
    }

    private Authentication remember(Authentication checked, String username, String password) {
        if (checked.getPrincipal() instanceof UserDetails user && user.getPassword() != null) {
            verified.put(username, digest(username, password, user.getPassword()));
        }
        return checked;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return bcrypt.supports(authentication);
    }

    private String digest(String username, String password, String stored) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(stored.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JVM", e);
        }
    }
}
