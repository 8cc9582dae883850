package io.heitu.service.qr;

import io.heitu.service.qr.QrException.Error;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;

/** QR-signing keys: generation, key ids, and the encodings the ledger and the key set use. */
public final class QrKeys {

    /**
     * One Bouncy Castle instance, passed to each {@code getInstance} rather than registered: it
     * signs fast, speaks r‖s ECDSA, and stays out of the JVM's TLS and other providers' way.
     */
    static final Provider PROVIDER = new BouncyCastleProvider();

    /** RFC 8410's id-Ed25519. */
    private static final ASN1ObjectIdentifier ED25519_OID = new ASN1ObjectIdentifier("1.3.101.112");

    private static final ECParameterSpec P256 = p256();
    private static final int COORDINATE = 32;
    private static final int KEY_ID_BYTES = 8;

    private QrKeys() {}

    /** A fresh key pair for an organisation (its MSP ID). */
    public static QrKeyPair generate(String org, QrAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.keyFamily(), PROVIDER);
            if (algorithm == QrAlgorithm.ES256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            KeyPair pair = generator.generateKeyPair();
            return new QrKeyPair(org, algorithm, pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle cannot generate " + algorithm + " keys", e);
        }
    }

    /**
     * The key id: base64url of the first 8 bytes of SHA-256(org ‖ 0 ‖ algorithm ‖ 0 ‖ raw public
     * key), 11 characters. Raw is the 32-byte Ed25519 key or the 65-byte uncompressed P-256 point,
     * so DER choices do not change it. Binding the organisation in means another organisation that
     * registers the same key, or any key under the same id, does not get this id.
     */
    public static String keyId(String org, QrAlgorithm algorithm, PublicKey key) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(org.getBytes(StandardCharsets.UTF_8));
        input.write(0);
        input.writeBytes(algorithm.ledgerName().getBytes(StandardCharsets.US_ASCII));
        input.write(0);
        input.writeBytes(raw(algorithm, key));
        byte[] hash = sha256(input.toByteArray());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, KEY_ID_BYTES));
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo, what {@code qr:RegisterKey} takes. */
    public static String spki(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * Reads a base64 SubjectPublicKeyInfo as the ledger stores it.
     *
     * @throws QrException {@code INVALID_KEY} if it does not decode or is on another curve
     */
    public static PublicKey fromSpki(QrAlgorithm algorithm, String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            PublicKey key =
                    KeyFactory.getInstance(algorithm.keyFamily(), PROVIDER).generatePublic(new X509EncodedKeySpec(der));
            raw(algorithm, key);
            return key;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new QrException(Error.INVALID_KEY, "not a base64 " + algorithm.ledgerName() + " public key", e);
        }
    }

    /** The private key back from its PKCS#8 encoding, as the service stores it (encrypted). */
    public static PrivateKey privateFromPkcs8(QrAlgorithm algorithm, byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(algorithm.keyFamily(), PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new QrException(Error.INVALID_KEY, "not a PKCS#8 " + algorithm.ledgerName() + " private key", e);
        }
    }

    /**
     * The raw public key: 32 bytes for Ed25519, {@code 04 ‖ x ‖ y} for P-256.
     *
     * @throws QrException {@code INVALID_KEY} for a key of another type or curve
     */
    static byte[] raw(QrAlgorithm algorithm, PublicKey key) {
        if (algorithm == QrAlgorithm.ED25519) {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            byte[] raw = info.getPublicKeyData().getOctets();
            if (!ED25519_OID.equals(info.getAlgorithm().getAlgorithm()) || raw.length != 32) {
                throw new QrException(Error.INVALID_KEY, "not an Ed25519 public key");
            }
            return raw;
        }
        if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
            throw new QrException(Error.INVALID_KEY, "an ES256 key is on curve P-256");
        }
        ByteArrayOutputStream point = new ByteArrayOutputStream(1 + 2 * COORDINATE);
        point.write(4);
        point.writeBytes(BigIntegers.asUnsignedByteArray(COORDINATE, ec.getW().getAffineX()));
        point.writeBytes(BigIntegers.asUnsignedByteArray(COORDINATE, ec.getW().getAffineY()));
        return point.toByteArray();
    }

    /** The key from its raw form: {@code x} alone for Ed25519, {@code x} and {@code y} for P-256. */
    static PublicKey fromRaw(QrAlgorithm algorithm, byte[] x, byte[] y) {
        try {
            if (algorithm == QrAlgorithm.ED25519) {
                if (x.length != 32) {
                    throw new QrException(Error.INVALID_KEY, "an Ed25519 key has 32 bytes");
                }
                byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(ED25519_OID), x).getEncoded();
                return KeyFactory.getInstance("Ed25519", PROVIDER).generatePublic(new X509EncodedKeySpec(spki));
            }
            if (x.length != COORDINATE || y == null || y.length != COORDINATE) {
                throw new QrException(Error.INVALID_KEY, "a P-256 key has 32-byte x and y");
            }
            // Bouncy Castle refuses a point that is not on the curve.
            ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
            return KeyFactory.getInstance("EC", PROVIDER).generatePublic(new ECPublicKeySpec(point, P256));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new QrException(Error.INVALID_KEY, "not a valid " + algorithm.ledgerName() + " public key", e);
        }
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean isP256(ECParameterSpec params) {
        return params.getCurve().equals(P256.getCurve())
                && params.getOrder().equals(P256.getOrder())
                && params.getGenerator().equals(P256.getGenerator())
                && params.getCofactor() == P256.getCofactor();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", PROVIDER);
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle knows P-256", e);
        }
    }
}
