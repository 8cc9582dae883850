package io.heitu.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A user's X.509 identity in an organisation's MSP: the certificate the CA issued and the private
 * key that signs the user's transactions.
 *
 * <p>Not a record: the serialized identity goes into every proposal this user signs, so it is
 * encoded once, here, rather than on each transaction.
 */
public final class Enrollment {

    private final String mspId;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final byte[] serializedIdentity;

    public Enrollment(String mspId, X509Certificate certificate, PrivateKey privateKey) {
        this.mspId = Objects.requireNonNull(mspId, "mspId");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.privateKey = privateKey;
        this.serializedIdentity = SerializedIdentities.of(mspId, certificate);
    }

    public String mspId() {
        return mspId;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The Fabric {@code SerializedIdentity} of this user: what the chaincode sees as the creator. */
    public byte[] serializedIdentity() {
        return serializedIdentity.clone();
    }

    @Override
    public String toString() {
        return "Enrollment[" + mspId + ", " + certificate.getSubjectX500Principal() + "]";
    }
}
