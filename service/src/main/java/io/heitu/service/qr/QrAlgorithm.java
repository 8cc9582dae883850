package io.heitu.service.qr;

import io.heitu.service.qr.QrException.Error;

/** How a QR code is signed. Both give a fixed 64-byte signature, so a code's length is predictable. */
public enum QrAlgorithm {
    /** EdDSA on Curve25519: the default, deterministic and fast to verify. */
    ED25519("Ed25519", "Ed25519", "Ed25519", "EdDSA"),
    /** ECDSA on P-256 with SHA-256, the signature as r‖s (IEEE P1363), not DER. */
    ES256("ES256", "EC", "SHA256withPLAIN-ECDSA", "ES256");

    /** Bytes in a signature of either algorithm. */
    public static final int SIGNATURE_LENGTH = 64;

    private final String ledgerName;
    private final String keyFamily;
    private final String signatureAlgorithm;
    private final String jwsName;

    QrAlgorithm(String ledgerName, String keyFamily, String signatureAlgorithm, String jwsName) {
        this.ledgerName = ledgerName;
        this.keyFamily = keyFamily;
        this.signatureAlgorithm = signatureAlgorithm;
        this.jwsName = jwsName;
    }

    /** The name {@code qr:RegisterKey} takes: {@code Ed25519} or {@code ES256}. */
    public String ledgerName() {
        return ledgerName;
    }

    /** The JWS {@code alg} of a key-set entry: {@code EdDSA} or {@code ES256}. */
    public String jwsName() {
        return jwsName;
    }

    public static QrAlgorithm fromLedgerName(String name) {
        for (QrAlgorithm algorithm : values()) {
            if (algorithm.ledgerName.equals(name)) {
                return algorithm;
            }
        }
        throw new QrException(Error.INVALID_KEY, "a QR signing key is Ed25519 or ES256");
    }

    String keyFamily() {
        return keyFamily;
    }

    String signatureAlgorithm() {
        return signatureAlgorithm;
    }
}
