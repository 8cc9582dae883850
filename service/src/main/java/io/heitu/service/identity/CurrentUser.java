package io.heitu.service.identity;

import io.heitu.identity.Enrollment;
import io.heitu.service.HeituProperties;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user, and the identity that reads the ledger for anonymous consumers. */
@Component
public class CurrentUser {

    private final Identities identities;
    private final HeituProperties properties;
    private volatile Enrollment reader;

    public CurrentUser(Identities identities, HeituProperties properties) {
        this.identities = identities;
        this.properties = properties;
    }

    public UserAccount account() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            throw new InsufficientAuthenticationException("sign in first");
        }
        return user.account();
    }

    /** The signed-in user's signing identity. */
    public Enrollment enrollment() {
        return identities.enrollment(account());
    }

    /**
     * Reads on behalf of consumers, who need no account. Looked up once: every scan and every block
     * the read models follow reads through it.
     */
    public Enrollment reader() {
        Enrollment known = reader;
        if (known == null) {
            known = identities
                    .user(properties.reader().username())
                    .map(identities::enrollment)
                    .orElseThrow(() -> new IllegalStateException(
                            "the reader user " + properties.reader().username() + " is not enrolled"));
            reader = known;
        }
        return known;
    }
}
