package io.heitu.chaincode.support;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Public keys as {@code qr:RegisterKey} takes them: base64 X.509 SubjectPublicKeyInfo, made once per JVM. */
public final class SigningKeys {

    public static final String ED25519 = ed25519();
    public static final String ES256 = ec("secp256r1");

    private SigningKeys() {}

    public static String ed25519() {
        try {
            return encode(KeyPairGenerator.getInstance("Ed25519"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return encode(generator);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(KeyPairGenerator generator) {
        return Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }
}
