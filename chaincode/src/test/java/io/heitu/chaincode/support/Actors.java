package io.heitu.chaincode.support;

import io.heitu.chaincode.core.Role;
import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import java.util.HashMap;
import java.util.Map;

/**
 * Users with real X.509 certificates from a Bouncy Castle CA per organisation, carrying the Fabric
 * role attribute. CAs and users are made once per JVM: key generation is the slow part.
 */
public final class Actors {

    private static final Map<String, CertificateAuthority> CAS = new HashMap<>();
    private static final Map<String, Enrollment> USERS = new HashMap<>();

    private Actors() {}

    public static synchronized Enrollment user(String mspId, Role role) {
        return user(mspId, role.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A user whose certificate says {@code role}, which may be any word (or a role the chaincode does not know). */
    public static synchronized Enrollment user(String mspId, String role) {
        return USERS.computeIfAbsent(mspId + "/" + role, key -> ca(mspId).enroll(role + "@" + mspId, role));
    }

    public static synchronized CertificateAuthority ca(String mspId) {
        return CAS.computeIfAbsent(mspId, id -> CertificateAuthority.create(id, id.replace("MSP", "")));
    }
}
