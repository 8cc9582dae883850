package io.heitu.service.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A user: login, organisation, role, and the X.509 identity that signs their transactions. */
@Table("APP_USER")
public record UserAccount(
        @Id Long id,
        String username,
        String displayName,
        String mspId,
        String role,
        String passwordHash,
        String certPem,
        String keyEnc,
        boolean enabled,
        Instant createdAt) {

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + mspId + ", " + role + "]";
    }
}
