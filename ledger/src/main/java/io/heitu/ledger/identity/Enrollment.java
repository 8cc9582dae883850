package io.heitu.ledger.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A user's X.509 identity in an organisation's MSP: the certificate the CA issued and the private
 * key that signs the user's transactions.
 */
public record Enrollment(String mspId, X509Certificate certificate, PrivateKey privateKey) {

    /** The Fabric {@code SerializedIdentity} of this user: what the chaincode sees as the creator. */
    public byte[] serializedIdentity() {
        return SerializedIdentities.of(mspId, certificate);
    }

    @Override
    public String toString() {
        return "Enrollment[" + mspId + ", " + certificate.getSubjectX500Principal() + "]";
    }
}
