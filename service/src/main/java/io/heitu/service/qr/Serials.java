package io.heitu.service.qr;

import io.heitu.service.qr.QrException.Error;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-unit serials (AI 21) that cannot be guessed from one another: a counterfeiter who has seen
 * every serial on a shelf still has a 1 in 2^60 chance per try of hitting an issued one.
 */
public final class Serials {

    /** Digits and capitals without 0, O, 1 and I, which people misread off a label: 32 symbols. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /** 12 symbols of 5 bits: 60 random bits, well inside AI 21's 20 characters. */
    public static final int LENGTH = 12;

    /** The most serials one batch may hold, as many codes as one ledger issuance may cover. */
    public static final int MAX_BATCH = 1_000_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Serials() {}

    public static String next() {
        char[] serial = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            serial[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(serial);
    }

    /** {@code count} distinct serials in the order drawn. */
    public static List<String> batch(int count) {
        if (count < 1 || count > MAX_BATCH) {
            throw new QrException(Error.LIMIT_EXCEEDED, "a batch has 1 to " + MAX_BATCH + " serials");
        }
        Set<String> serials = new LinkedHashSet<>(count * 2);
        while (serials.size() < count) {
            serials.add(next());
        }
        return new ArrayList<>(serials);
    }

    /**
     * The issuance record's {@code serialsDigest}: lowercase hex SHA-256 of the serials sorted by
     * code point and joined with '\n' (no trailing newline), so any order of the same serials gives
     * the same digest and the serials themselves stay off the ledger.
     *
     * @throws QrException {@code INVALID_SERIAL} for an empty list, a duplicate or a bad serial
     */
    public static String digest(Collection<String> serials) {
        List<String> sorted = new ArrayList<>(serials);
        if (sorted.isEmpty()) {
            throw new QrException(Error.INVALID_SERIAL, "a digest covers at least one serial");
        }
        sorted.forEach(Gs1::serial);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).equals(sorted.get(i - 1))) {
                throw new QrException(Error.INVALID_SERIAL, "serial " + sorted.get(i) + " appears twice");
            }
        }
        byte[] joined = String.join("\n", sorted).getBytes(StandardCharsets.US_ASCII);
        return HexFormat.of().formatHex(QrKeys.sha256(joined));
    }
}
