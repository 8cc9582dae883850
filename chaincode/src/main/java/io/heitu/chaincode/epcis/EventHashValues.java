package io.heitu.chaincode.epcis;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.OFFSET_SECONDS;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/** Brings single values into the one form the hash is computed over. */
final class EventHashValues {
    private static final String[][] CBV_URNS = {
        {"urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-"},
        {"urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-"},
        {"urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-"},
        {"urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-"},
        {"urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-"}
    };

    /** Possessive quantifiers keep a long run of digits from backtracking quadratically. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d++(\\.\\d*+)?|\\.\\d++)([eE][+-]?\\d++)?");

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private EventHashValues() {}

    /** Old CBV URNs to web vocabulary, numbers to their shortest form, GS1 keys to canonical Digital Link. */
    static String canonical(String text) {
        String value = text;
        for (String[] urn : CBV_URNS) {
            value = value.replace(urn[0], urn[1]);
        }
        value = numeric(value);
        String digitalLink = EventHashDigitalLinks.normalise(value);
        return digitalLink == null ? value : digitalLink;
    }

    /**
     * Numbers without sign noise, leading or trailing zeros or exponent: "+012.50" is "12.5", "1.0"
     * is "1". Like the reference, any value that reads as a number is one, even a string such as a
     * zero-padded code. Numbers below 1e-4 keep the exponent the way Python prints floats ("1e-05").
     * Unlike the reference, which goes through a binary double, all digits are kept; values outside
     * the range of a double are left as written.
     */
    static String numeric(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return text;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException exponentOutOfRange) {
            return text;
        }
        long exponent = (long) number.precision() - number.scale() - 1;
        if (number.signum() == 0) {
            return "0";
        }
        if (exponent > 308 || exponent < -308) {
            return text;
        }
        if (number.scale() <= 0 || exponent >= -4) {
            return number.toPlainString();
        }
        String digits = number.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = number.signum() < 0 ? "-" : "";
        return sign + mantissa + String.format(Locale.ROOT, "e-%02d", -exponent);
    }

    /**
     * A timestamp in UTC with millisecond precision and "Z". Like the reference, digits below the
     * microsecond are dropped and the microseconds rounded half to even; where that rounds up into
     * the next second, the reference fails and this carries over. A time without offset is taken as
     * UTC (the reference would take the machine's time zone). Other text is returned as it is.
     */
    static String timestamp(String text) {
        try {
            TemporalAccessor parsed = DATE_TIME.parse(text);
            ZoneOffset offset = parsed.isSupported(OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            Instant instant = LocalDateTime.from(parsed).toInstant(offset);
            long micros = instant.getNano() / 1_000;
            long millis = micros / 1_000;
            long rest = micros % 1_000;
            if (rest > 500 || (rest == 500 && millis % 2 == 1)) {
                millis++;
            }
            return UTC_MILLIS.format(instant.truncatedTo(ChronoUnit.SECONDS).plusMillis(millis));
        } catch (DateTimeException notATimestamp) {
            return text;
        }
    }

    /** Trims whitespace as Python's {@code str.strip()} does, which includes no-break spaces. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || c == '\u0085' || c == '\u00a0' || c == '\u2007' || c == '\u202f';
    }
}
