package io.heitu.service.qr;

import io.heitu.service.qr.QrException.Error;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A GS1 Digital Link for a lot ({@code /01/{gtin}/10/{lot}}) or one unit of it ({@code
 * …/21/{serial}}). The host and query are not part of the value: the same product, lot and serial
 * is the same code whichever resolver prints it.
 *
 * @param gtin GTIN-14 (shorter GTINs are padded)
 * @param lot AI 10, 1-20 characters of GS1 character set 82
 * @param serial AI 21, same rules; {@code null} for a per-lot code
 */
public record DigitalLink(String gtin, String lot, String serial) {

    /** Separates a variable-length element from the next in the element string (ASCII GS, FNC1). */
    public static final char GROUP_SEPARATOR = '\u001D';

    /** Longest URI {@link #parse} looks at; a QR code holds under 3 KB anyway. */
    static final int MAX_URI_LENGTH = 2048;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(:\\d{1,5})?");

    public DigitalLink {
        gtin = Gs1.gtin14(gtin);
        lot = Gs1.lot(lot);
        if (serial != null) {
            serial = Gs1.serial(serial);
        }
    }

    /** A code for a whole lot. */
    public static DigitalLink ofLot(String gtin, String lot) {
        return new DigitalLink(gtin, lot, null);
    }

    /** A code for one unit of a lot. */
    public static DigitalLink ofUnit(String gtin, String lot, String serial) {
        return new DigitalLink(gtin, lot, Gs1.serial(serial));
    }

    public boolean perUnit() {
        return serial != null;
    }

    /** The path, qualifiers in GS1 order (01, then 10, then 21), values percent-encoded. */
    public String path() {
        String path = "/01/" + gtin + "/10/" + percentEncode(lot);
        return serial == null ? path : path + "/21/" + percentEncode(serial);
    }

    /** The URI on a resolver host, e.g. {@code https://q.heitu.cn/01/06901234500035/10/R5-2026-1005}. */
    public String toUri(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new QrException(Error.INVALID_ARGUMENT, "the host is a DNS name with an optional port");
        }
        return "https://" + host.toLowerCase(Locale.ROOT) + path();
    }

    /**
     * The GS1 element string in its unbracketed (FNC1) form: {@code 01}{gtin}{@code 10}{lot}, then
     * {@code <GS>21}{serial} for a unit. This is what gets signed. The bracketed form would be
     * ambiguous because '(' and ')' are legal in lots: lot {@code A(21)B} would read as lot {@code
     * A}, serial {@code B}. GS (0x1D) is outside character set 82, so this form has exactly one
     * reading. All characters are ASCII.
     */
    public String elementString() {
        String lotPart = "01" + gtin + "10" + lot;
        return serial == null ? lotPart : lotPart + GROUP_SEPARATOR + "21" + serial;
    }

    /**
     * Reads an http(s) Digital Link URI of exactly the shape {@link #toUri} writes, any host, any
     * query, any fragment. Percent-encoded and bare characters of set 82 are both accepted.
     *
     * @throws QrException {@code INVALID_DIGITAL_LINK}, {@code INVALID_GTIN}, {@code INVALID_LOT_CODE}
     *     or {@code INVALID_SERIAL}
     */
    public static DigitalLink parse(String uri) {
        String[] segments = segments(uri);
        if (segments.length != 5 && segments.length != 7) {
            throw invalid("the path is /01/{gtin}/10/{lot} with an optional /21/{serial}");
        }
        if (!"01".equals(segments[1])) {
            throw invalid("the primary key must be a GTIN (AI 01)");
        }
        requireQualifier(segments[3], "10");
        if (segments.length == 7) {
            requireQualifier(segments[5], "21");
        }
        String gtin = percentDecode(segments[2]);
        String lot = percentDecode(segments[4]);
        String serial = segments.length == 7 ? percentDecode(segments[6]) : null;
        return new DigitalLink(gtin, lot, serial);
    }

    private static String[] segments(String uri) {
        if (uri == null || uri.length() > MAX_URI_LENGTH) {
            throw invalid("a Digital Link is a URI of at most " + MAX_URI_LENGTH + " characters");
        }
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw invalid("a Digital Link is an http or https URI");
            }
            if (parsed.getHost() == null || parsed.getRawUserInfo() != null || parsed.getRawPath() == null) {
                throw invalid("a Digital Link names a host and no user");
            }
            return parsed.getRawPath().split("/", -1);
        } catch (URISyntaxException e) {
            throw invalid("not a URI: " + e.getReason());
        }
    }

    /** GS1 order for AI 01 is 22, 10, 21: a 21 before a 10, or a lot missing, is refused. */
    private static void requireQualifier(String actual, String expected) {
        if (actual.equals(expected)) {
            return;
        }
        if ("10".equals(actual) || "21".equals(actual)) {
            throw invalid("qualifiers of AI 01 come in GS1 order: 10 (lot), then 21 (serial)");
        }
        throw invalid("AI " + clip(actual) + " is not a qualifier this service reads (10 and 21 are)");
    }

    /** RFC 3986 unreserved characters stay; every other character of set 82 is encoded, as DL asks. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    static String percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 128) {
                // java.net.URI lets non-ASCII through; writing its low byte would turn 'Ł' into 'A'.
                throw invalid("non-ASCII characters in a Digital Link are percent-encoded");
            } else if (c != '%') {
                bytes.write(c);
            } else if (i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                throw invalid("'%' starts a two-digit hex escape");
            }
        }
        try {
            // Strict decoding: an invalid UTF-8 escape must not turn into a replacement character.
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("percent escapes are not UTF-8");
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    private static String clip(String value) {
        return value.length() <= 8 ? value : value.substring(0, 8) + "…";
    }

    private static QrException invalid(String message) {
        return new QrException(Error.INVALID_DIGITAL_LINK, message);
    }
}
