package io.heitu.service.membership;

import io.heitu.identity.Enrollment;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consortium as the ledger adapters see it: which organisations' CAs to trust, and the users
 * they may read the chain as. Each new CA is announced with a {@link MembershipChanged} event after
 * it is stored, so the embedded ledger can record it in a configuration block; on Fabric, joining
 * the channel is a configuration update made by the organisations' administrators.
 */
public interface Membership {

    /** MSP ID → CA certificates the ledger trusts; a live view that grows as organisations join. */
    Map<String, List<X509Certificate>> trustedCas();

    /** Adopts an existing CA (a Fabric network's, made by its own tooling); one already held stays. */
    void importCa(String mspId, String name, X509Certificate certificate, PrivateKey key);

    /** The signing identity of some user with {@code role}, if any is enrolled. */
    Optional<Enrollment> anyEnrollment(String role);
}
