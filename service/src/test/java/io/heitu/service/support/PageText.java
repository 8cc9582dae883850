package io.heitu.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/** What a Chinese page must not show: codes meant for machines, English sentences, UTC times. */
public final class PageText {

    /** A stable error code or a code-like reason: SIGNATURE_INVALID, SCANNED_22_TIMES. */
    public static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");
    /** An ISO-8601 time as machines write it: 2026-10-06T06:00:00.000Z. */
    public static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    /** A run of English words (four or more), as the chaincode's own messages are written. */
    public static final Pattern ENGLISH = Pattern.compile("\\b[a-z]{2,}( [a-z]{2,}){3,}\\b");

    private PageText() {}

    public static void chineseOnly(String text) {
        assertThat(text)
                .doesNotContainPattern(CODE)
                .doesNotContainPattern(ISO_TIME)
                .doesNotContainPattern(ENGLISH);
        // UTC as a word (a time zone), not inside a serial: random unit serials such as 5AJWG93M8UTC
        // hold those letters about once in 3,000 codes.
        assertThat(text).doesNotContainPattern("\\bUTC\\b").doesNotContain("embedded");
    }
}
