package io.heitu.chaincode.qr;

/**
 * A public key an organisation signs its QR codes with, published on the ledger so that anyone can
 * check a code offline. {@code publicKey} is the base64 of the X.509 SubjectPublicKeyInfo.
 */
public record SigningKey(
        String mspId,
        String keyId,
        String algorithm,
        String publicKey,
        String status,
        String registeredAt,
        String revokedAt,
        String revokedReason) {

    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    SigningKey revoked(String at, String reason) {
        return new SigningKey(mspId, keyId, algorithm, publicKey, REVOKED, registeredAt, at, reason);
    }
}
