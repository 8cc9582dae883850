package io.heitu.service.qr;

/**
 * The argument of the ledger's {@code qr:RegisterKey}: {@code {"keyId","algorithm","publicKey"}}.
 *
 * @param algorithm {@code Ed25519} or {@code ES256}
 * @param publicKey base64 of the X.509 SubjectPublicKeyInfo
 */
public record KeyRegistration(String keyId, String algorithm, String publicKey) {}
