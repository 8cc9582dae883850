package io.heitu.service.qr;

import io.heitu.service.qr.QrException.Error;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key an organisation signs codes with, as the ledger publishes it.
 *
 * @param org MSP ID of the owner
 */
public record PublishedKey(String keyId, String org, QrAlgorithm algorithm, PublicKey publicKey, KeyStatus status) {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    public PublishedKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(status, "status");
    }

    /** From the fields of the ledger's {@code SigningKey}. */
    public static PublishedKey fromLedger(
            String mspId, String keyId, String algorithm, String publicKey, String status) {
        QrAlgorithm qrAlgorithm = QrAlgorithm.fromLedgerName(algorithm);
        return new PublishedKey(
                keyId, mspId, qrAlgorithm, QrKeys.fromSpki(qrAlgorithm, publicKey), KeyStatus.fromWire(status));
    }

    /**
     * Whether the key id is the one {@link QrKeys#keyId} derives from the organisation and key.
     * The ledger lets an organisation pick any id, so an entry that fails this is never trusted.
     */
    public boolean bound() {
        if (keyId == null || org == null) {
            return false;
        }
        try {
            return keyId.equals(QrKeys.keyId(org, algorithm, publicKey));
        } catch (QrException e) {
            return false;
        }
    }

    /** The key-set entry: an RFC 8037 OKP or RFC 7518 EC JWK, plus status and owner. */
    public Jwk toJwk() {
        byte[] raw = QrKeys.raw(algorithm, publicKey);
        if (algorithm == QrAlgorithm.ED25519) {
            return new Jwk(
                    keyId, "OKP", "Ed25519", B64URL.encodeToString(raw), null, algorithm.jwsName(), status.wire(), org);
        }
        return new Jwk(
                keyId,
                "EC",
                "P-256",
                B64URL.encodeToString(Arrays.copyOfRange(raw, 1, 33)),
                B64URL.encodeToString(Arrays.copyOfRange(raw, 33, 65)),
                algorithm.jwsName(),
                status.wire(),
                org);
    }

    /**
     * Back from a key-set entry, for verifiers that work offline from a downloaded key set.
     *
     * @throws QrException {@code INVALID_KEY} for an entry of another type or curve
     */
    public static PublishedKey fromJwk(Jwk jwk) {
        QrAlgorithm algorithm;
        if ("OKP".equals(jwk.kty()) && "Ed25519".equals(jwk.crv())) {
            algorithm = QrAlgorithm.ED25519;
        } else if ("EC".equals(jwk.kty()) && "P-256".equals(jwk.crv())) {
            algorithm = QrAlgorithm.ES256;
        } else {
            throw new QrException(Error.INVALID_KEY, "a key-set entry is an Ed25519 OKP or a P-256 EC key");
        }
        if (jwk.x() == null || (algorithm == QrAlgorithm.ES256 && jwk.y() == null)) {
            throw new QrException(Error.INVALID_KEY, "a key-set entry has its coordinates");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            byte[] y = jwk.y() == null ? null : decoder.decode(jwk.y());
            PublicKey key = QrKeys.fromRaw(algorithm, decoder.decode(jwk.x()), y);
            return new PublishedKey(jwk.kid(), jwk.org(), algorithm, key, KeyStatus.fromWire(jwk.status()));
        } catch (IllegalArgumentException e) {
            throw new QrException(Error.INVALID_KEY, "a key-set entry's coordinates are base64url", e);
        }
    }
}
