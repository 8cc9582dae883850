package io.heitu.service.qr;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * An organisation's QR-signing key pair. {@link #toString()} leaves the private key out, so the
 * record can be logged.
 *
 * @param org MSP ID of the organisation that signs with it
 */
public record QrKeyPair(String org, QrAlgorithm algorithm, PublicKey publicKey, PrivateKey privateKey) {

    /** The key id: derived from the organisation and the public key, see {@link QrKeys#keyId}. */
    public String keyId() {
        return QrKeys.keyId(org, algorithm, publicKey);
    }

    /** What to send to {@code qr:RegisterKey} to publish the public half. */
    public KeyRegistration registration() {
        return new KeyRegistration(keyId(), algorithm.ledgerName(), QrKeys.spki(publicKey));
    }

    /** The public half as the key set lists it. */
    public PublishedKey published(KeyStatus status) {
        return new PublishedKey(keyId(), org, algorithm, publicKey, status);
    }

    @Override
    public String toString() {
        return "QrKeyPair[org=" + org + ", algorithm=" + algorithm + ", keyId=" + keyId() + "]";
    }
}
