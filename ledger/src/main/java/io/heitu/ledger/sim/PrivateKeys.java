package io.heitu.ledger.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the public side of private data lives: as Fabric's hashed read/write set, one entry per
 * private key holding SHA-256 of the key and SHA-256 of the value. We keep it as an ordinary write
 * in the transaction's read/write set under a reserved key, so that the block (and so its hash),
 * MVCC validation, replay after a crash and verify treat it like any other write, and the block
 * format needs no second kind of write set.
 *
 * <p>The reserved key starts with U+0000 U+10FFFF: no composite key can (the chaincode's key builder
 * refuses U+10FFFF in a segment), simple keys never start with U+0000, and the stub refuses
 * chaincode reads and writes of it.
 */
public final class PrivateKeys {

    static final String PREFIX = "\u0000\uDBFF\uDFFFpvt\u0000";

    private PrivateKeys() {}

    /** {@code PREFIX collection U+0000 hex(SHA-256(key))}: the hashed key of a private key. */
    public static String hashKey(String collection, String key) {
        return PREFIX + collection + "\u0000" + HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean isReserved(String key) {
        return key.startsWith(PREFIX);
    }

    /** The public write that stands for a private one: hashed key → SHA-256 of the value. */
    public static Write hashWrite(PrivateWrite write) {
        return new Write(hashKey(write.collection(), write.key()), write.value() == null ? null : write.valueHash());
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
