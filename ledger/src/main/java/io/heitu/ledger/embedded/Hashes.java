package io.heitu.ledger.embedded;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and lowercase hex, the only digest and text form the ledger uses. */
final class Hashes {

    static final int SHA256_LENGTH = 32;

    private Hashes() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest digest = sha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    static byte[] sha256(ByteBuffer data) {
        MessageDigest digest = sha256();
        digest.update(data);
        return digest.digest();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
