package io.heitu.service.consumer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 tags under one key, truncated to what each use needs, compared in constant time. */
final class Macs {

    private final SecretKeySpec key;

    Macs(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    byte[] tag(String message, int bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)), bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JVM", e);
        }
    }

    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
