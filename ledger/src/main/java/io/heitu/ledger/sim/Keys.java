package io.heitu.ledger.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** Key ordering and the bounds Fabric uses for composite-key range queries. */
public final class Keys {

    /** Fabric's upper bound for partial composite key ranges: the largest Unicode code point. */
    public static final String MAX_UNICODE_RUNE = new String(Character.toChars(Character.MAX_CODE_POINT));

    /** Composite keys live in their own namespace, marked by a leading U+0000. */
    public static final char COMPOSITE_KEY_NAMESPACE = '\u0000';

    /** Orders keys as the state database does: by unsigned UTF-8 bytes. */
    public static final Comparator<String> UTF8_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Keys() {}

    public static boolean isCompositeKey(String key) {
        return !key.isEmpty() && key.charAt(0) == COMPOSITE_KEY_NAMESPACE;
    }

    /** True when {@code key} lies in {@code [start, end)}, an empty end meaning unbounded. */
    public static boolean inRange(String key, String start, String end) {
        return UTF8_ORDER.compare(key, start) >= 0 && (end.isEmpty() || UTF8_ORDER.compare(key, end) < 0);
    }
}
