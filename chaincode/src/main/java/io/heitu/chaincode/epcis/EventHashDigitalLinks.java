package io.heitu.chaincode.epcis;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Any URI carrying a GS1 key (EPC URI, EPC class or ID pattern URI, GS1 Digital Link URI on any
 * domain) as the one constrained canonical Digital Link URI: on {@code https://id.gs1.org/}, with
 * numeric application identifiers, a 14-digit GTIN, only the finest identification level (a serial
 * number drops the lot, the consumer product variant is dropped) and no query string.
 *
 * <p>The patterns follow the reference, including its unescaped dots in {@code id.gs1.org}.
 */
final class EventHashDigitalLinks {
    private static final String ID = "https://id.gs1.org";
    private static final String AI82 = "[\\x22\\x27\\x2D\\x2E\\x30-\\x39\\x3B-\\x3F\\x41-\\x5A\\x5F\\x61-\\x7A]";
    private static final String AI39 = "[\\x23\\x2D\\x2F\\x30-\\x39\\x41-\\x5A]";

    private static final Pattern DIGITAL_LINK = Pattern.compile("^https?:[^?#]*/(01|gtin|8006|itip|8010|cpid|414"
            + "|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai)"
            + "/\\d{4}[^/]+");

    private static final String[][] SHORT_NAMES = {
        {"gtin", "01"}, {"itip", "8006"}, {"cpid", "8010"}, {"gln", "414"}, {"party", "417"}, {"gsrnp", "8017"},
        {"gsrn", "8018"}, {"gcn", "255"}, {"sscc", "00"}, {"gdti", "253"}, {"ginc", "401"}, {"gsin", "402"},
        {"grai", "8003"}, {"giai", "8004"}, {"cpv", "22"}, {"lot", "10"}, {"ser", "21"}
    };

    /** Primary keys in the order the reference looks for them when moving a URI onto id.gs1.org. */
    private static final String[] PRIMARY_KEYS = {
        "00", "01", "253", "255", "401", "402", "414", "417", "8003", "8004", "8006", "8010", "8017", "8018"
    };

    private static final Pattern CANONICAL =
            Pattern.compile("^" + ID + "/(01|8006|8010|414|417|8017|8018|255|00|253|401|402|8003|8004)/\\d{4}[^/]+");

    /** GTIN-14, -13, -12 and -8; the reference pads anything from 8 to 11 digits as a GTIN-8. */
    private static final int[] GTIN_LENGTHS = {14, 13, 12, 8};

    private static final Pattern[] GTIN_DIGITS = Arrays.stream(GTIN_LENGTHS)
            .mapToObj(digits -> Pattern.compile("^" + ID + "/01/\\d{" + digits + "}"))
            .toArray(Pattern[]::new);

    private static final Pattern CPV_LAST =
            Pattern.compile("^" + ID + "/(8006/\\d{18}|01/\\d{14})/22/" + AI82 + "{0,20}$");
    private static final Pattern CPV_INNER =
            Pattern.compile("^" + ID + "/(8006/\\d{18}|01/\\d{14})/22/[/" + AI82.substring(1) + "{0,20}$");
    private static final Pattern LOT_AND_SERIAL =
            Pattern.compile("^" + ID + "/(8006/\\d{18}|01/\\d{14})/10/" + AI82 + "{0,20}/21/" + AI82 + "{0,20}$");

    private static final Pattern VALID = Pattern.compile("^" + ID + "/(00/\\d{18}"
            + "|01/\\d{14}(/21/" + AI82 + "{0,20}|/10/" + AI82 + "{0,20}|/235/" + AI82 + "{0,28})?"
            + "|253/\\d{13}" + AI82 + "{0,17}"
            + "|255/\\d{13}\\d{0,12}"
            + "|401/" + AI82 + "{0,30}"
            + "|402/\\d{17}"
            + "|414/\\d{13}(/254/" + AI82 + "{0,20})?"
            + "|417/\\d{13}"
            + "|8003/\\d{14}" + AI82 + "{0,16}"
            + "|8004/" + AI82 + "{0,30}"
            + "|8006/\\d{18}(/21/" + AI82 + "{0,20}|/10/" + AI82 + "{0,20})?"
            + "|8010/" + AI39 + "{0,30}(/8011/\\d{0,12})?"
            + "|8017/\\d{18}"
            + "|8018/\\d{18})$");

    private EventHashDigitalLinks() {}

    /** The canonical Digital Link URI for {@code value}, or null if it carries no GS1 key. */
    static String normalise(String value) {
        if (value.indexOf('.') < 0) {
            return null;
        }
        String fromEpc = EventHashEpcUris.toDigitalLink(value);
        if (fromEpc != null) {
            return fromEpc;
        }
        if (!DIGITAL_LINK.matcher(value).lookingAt()) {
            return null;
        }
        String uri = value.indexOf('?') < 0 ? value : value.substring(0, value.indexOf('?'));
        for (String[] shortName : SHORT_NAMES) {
            uri = uri.replace("/" + shortName[0] + "/", "/" + shortName[1] + "/");
        }
        if (!CANONICAL.matcher(uri).lookingAt()) {
            uri = onCanonicalDomain(uri);
        }
        uri = withoutVariant(withFourteenDigitGtin(uri));
        if (LOT_AND_SERIAL.matcher(uri).lookingAt()) {
            int lot = uri.indexOf("/10/");
            String afterLot = uri.substring(lot + "/10/".length());
            uri = uri.substring(0, lot) + afterLot.substring(afterLot.indexOf('/'));
        }
        return VALID.matcher(uri).lookingAt() ? uri : null;
    }

    private static String onCanonicalDomain(String uri) {
        for (String key : PRIMARY_KEYS) {
            int at = uri.indexOf("/" + key + "/");
            if (at >= 0) {
                return ID + uri.substring(at);
            }
        }
        return uri;
    }

    private static String withFourteenDigitGtin(String uri) {
        if (GTIN_DIGITS[0].matcher(uri).lookingAt()) {
            return uri;
        }
        for (int i = 1; i < GTIN_DIGITS.length; i++) {
            if (GTIN_DIGITS[i].matcher(uri).lookingAt()) {
                return uri.replace("/01/", "/01/" + "0".repeat(14 - GTIN_LENGTHS[i]));
            }
        }
        return uri;
    }

    /** Drops the consumer product variant (AI 22) and keeps what follows it. */
    private static String withoutVariant(String uri) {
        int variant = uri.indexOf("/22/");
        if (variant < 0) {
            return uri;
        }
        if (CPV_LAST.matcher(uri).lookingAt()) {
            return uri.substring(0, variant);
        }
        if (CPV_INNER.matcher(uri).lookingAt()) {
            String afterVariant = uri.substring(variant + "/22/".length());
            return uri.substring(0, variant) + afterVariant.substring(afterVariant.indexOf('/'));
        }
        return uri;
    }
}
