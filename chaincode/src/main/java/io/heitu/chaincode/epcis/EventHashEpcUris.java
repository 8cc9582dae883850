package io.heitu.chaincode.epcis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * EPC URIs (pure identity, class and ID pattern URIs) as canonical GS1 Digital Link URIs, e.g.
 * {@code urn:epc:id:sgtin:0614141.107346.2017} as {@code https://id.gs1.org/01/10614141073464/21/2017}.
 *
 * <p>The accepted syntax and the character offsets are those of the reference, including its
 * oddities (a GRAI or GDTI with a 12-digit company prefix needs one dot more than the EPC Tag Data
 * Standard says), because the hash must come out the same.
 */
final class EventHashEpcUris {
    private static final String ID = "https://id.gs1.org/";
    private static final String EPC_CHAR =
            "(%2[125-9A-Fa-f]|%3[0-9A-Fa-f]|%4[1-9A-Fa-f]|%5[0-9AaFf]|%6[1-9A-Fa-f]|%7[0-9Aa]|[!')(*+,.0-9:;=A-Za-z_-])";
    private static final String CPI_CHAR = "(%2[3dfDF]|%3[0-9]|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-])";

    private interface Conversion {
        String apply(String uri, int dot);
    }

    private record Scheme(Pattern syntax, Conversion conversion) {}

    private static final List<Scheme> SCHEMES = List.of(
            scheme(
                    "urn:epc:id:sgtin:" + key(13, null) + "\\." + EPC_CHAR + "{1,20}$",
                    (u, d) -> ID + "01/" + checked(gtin(u, 17, d)) + "/21/" + escaped(u.substring(32))),
            scheme(
                    "urn:epc:id:sscc:" + key(17, null) + "$",
                    (u, d) -> ID + "00/" + checked(u.charAt(d + 1) + u.substring(16, d) + u.substring(d + 2))),
            scheme("urn:epc:id:sgln:" + key(12, "") + "\\." + EPC_CHAR + "{1,20}$", EventHashEpcUris::gln),
            scheme(
                    "urn:epc:id:grai:" + key(12, "\\.") + "\\." + EPC_CHAR + "{1,16}$",
                    (u, d) -> ID + "8003/" + checked("0" + reference(u, 16, d, 12)) + escaped(u.substring(30))),
            scheme(
                    "urn:epc:id:giai:" + free(EPC_CHAR, 30) + "$",
                    (u, d) -> ID + "8004/" + u.substring(16, d) + escaped(u.substring(d + 1))),
            scheme(
                    "urn:epc:id:gsrn:" + key(17, null) + "$",
                    (u, d) -> ID + "8018/" + checked(u.substring(16, d) + u.substring(d + 1))),
            scheme(
                    "urn:epc:id:gsrnp:" + key(17, null) + "$",
                    (u, d) -> ID + "8017/" + checked(u.substring(17, d) + u.substring(d + 1))),
            scheme(
                    "urn:epc:id:gdti:" + key(12, "\\.") + EPC_CHAR + "{1,20}$",
                    (u, d) -> ID + "253/" + checked(reference(u, 16, d, 12)) + escaped(u.substring(30))),
            scheme("urn:epc:id:cpi:" + free(CPI_CHAR, 30) + "\\.\\d{1,12}$", (u, d) -> {
                int last = u.lastIndexOf('.');
                return ID + "8010/" + escaped(u.substring(15, d) + u.substring(d + 1, last)) + "/8011/"
                        + u.substring(last + 1);
            }),
            scheme(
                    "urn:epc:id:sgcn:" + key(12, "") + "\\.\\d{1,12}$",
                    (u, d) -> ID + "255/" + checked(reference(u, 16, d, 12)) + u.substring(30)),
            scheme(
                    "urn:epc:id:ginc:" + free(EPC_CHAR, 30) + "$",
                    (u, d) -> ID + "401/" + u.substring(16, d) + escaped(u.substring(d + 1))),
            scheme(
                    "urn:epc:id:gsin:" + key(16, null) + "$",
                    (u, d) -> ID + "402/" + checked(u.substring(16, d) + u.substring(d + 1))),
            scheme(
                    "urn:epc:id:itip:" + key(13, null) + "\\.\\d{2}\\.\\d{2}\\." + EPC_CHAR + "{1,20}$",
                    (u, d) -> ID + "8006/" + checked(gtin(u, 16, d)) + u.substring(31, 33) + u.substring(34, 36)
                            + "/21/" + escaped(u.substring(37))),
            scheme(
                    "urn:epc:id:upui:" + key(13, null) + "\\." + EPC_CHAR + "{1,28}$",
                    (u, d) -> ID + "01/" + checked(gtin(u, 16, d)) + "/235/" + escaped(u.substring(31))),
            scheme("urn:epc:id:pgln:" + key(12, "") + "$", (u, d) -> ID + "417/" + checked(reference(u, 16, d, 12))),
            scheme(
                    "urn:epc:class:lgtin:" + key(13, null) + "\\." + EPC_CHAR + "{1,20}$",
                    (u, d) -> ID + "01/" + checked(gtin(u, 20, d)) + "/10/" + escaped(u.substring(35))),
            scheme("urn:epc:idpat:sgtin:" + key(13, null) + "\\.\\*$", (u, d) -> ID + "01/" + checked(gtin(u, 20, d))),
            scheme(
                    "urn:epc:idpat:grai:" + key(12, "\\.") + "\\.\\*$",
                    (u, d) -> ID + "8003/" + checked("0" + reference(u, 19, d, 12))),
            scheme(
                    "urn:epc:idpat:gdti:" + key(12, "\\.") + "\\.\\*$",
                    (u, d) -> ID + "253/" + checked(reference(u, 19, d, 12))),
            scheme(
                    "urn:epc:idpat:sgcn:" + key(12, "\\.") + "\\.\\*$",
                    (u, d) -> ID + "255/" + checked(reference(u, 19, d, 12))),
            scheme(
                    "urn:epc:idpat:cpi:" + free(CPI_CHAR, 30) + "\\.\\*$",
                    (u, d) -> ID + "8010/" + escaped(u.substring(18, d) + u.substring(d + 1, u.lastIndexOf('.')))),
            scheme(
                    "urn:epc:idpat:itip:" + key(13, null) + "\\.\\d{2}\\.\\d{2}\\.\\*$",
                    (u, d) -> ID + "8006/" + checked(gtin(u, 19, d)) + u.substring(34, 36) + u.substring(37, 39)),
            scheme("urn:epc:idpat:upui:" + key(13, null) + "\\.\\*$", (u, d) -> ID + "01/" + checked(gtin(u, 19, d))));

    private EventHashEpcUris() {}

    /** The Digital Link URI of an EPC URI, or null if {@code uri} is not one the reference converts. */
    static String toDigitalLink(String uri) {
        int dot = uri.indexOf('.');
        if (dot < 0) {
            return null;
        }
        for (Scheme scheme : SCHEMES) {
            if (scheme.syntax().matcher(uri).lookingAt()) {
                return scheme.conversion().apply(uri, dot);
            }
        }
        return null;
    }

    private static Scheme scheme(String regex, Conversion conversion) {
        return new Scheme(Pattern.compile("^" + regex), conversion);
    }

    /**
     * A GS1 company prefix of 6 to 12 digits, a dot and the reference digits that make up a key of
     * {@code digits} digits in all; {@code emptyReference} is what follows the dot after a 12-digit
     * prefix, where no reference digits remain (null if some always remain).
     */
    private static String key(int digits, String emptyReference) {
        StringBuilder regex = new StringBuilder("(");
        for (int prefix = 6; prefix <= 12; prefix++) {
            String reference = digits == prefix ? emptyReference : "\\d{" + (digits - prefix) + "}";
            regex.append(prefix == 6 ? "" : "|")
                    .append("(\\d{")
                    .append(prefix)
                    .append("}\\.")
                    .append(reference);
            regex.append(')');
        }
        return regex.append(')').toString();
    }

    /** A company prefix, a dot and up to {@code total} characters in all. */
    private static String free(String character, int total) {
        StringBuilder regex = new StringBuilder("(");
        for (int prefix = 6; prefix <= 12; prefix++) {
            regex.append(prefix == 6 ? "" : "|").append("(\\d{").append(prefix).append("}\\.");
            regex.append(character).append("{1,").append(total - prefix).append("})");
        }
        return regex.append(')').toString();
    }

    private static String gln(String uri, int dot) {
        String extension = uri.substring(30);
        String gln = ID + "414/" + checked(reference(uri, 16, dot, 12));
        return extension.equals("0") ? gln : gln + "/254/" + escaped(extension);
    }

    /** The 13 digits of a GTIN without check digit: indicator digit, company prefix, item reference. */
    private static String gtin(String uri, int prefixStart, int dot) {
        String itemReference = reference(uri, prefixStart, dot, 13).substring(dot - prefixStart);
        return itemReference.charAt(0) + uri.substring(prefixStart, dot) + itemReference.substring(1);
    }

    /** Company prefix and the reference digits after it, {@code digits} digits in all. */
    private static String reference(String uri, int prefixStart, int dot, int digits) {
        int end = Math.min(uri.length(), dot + 1 + digits - (dot - prefixStart));
        return uri.substring(prefixStart, dot) + uri.substring(dot + 1, end);
    }

    static String checked(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int weight = (digits.length() - i) % 2 == 1 ? 3 : 1;
            sum += (digits.charAt(i) - '0') * weight;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** Percent-encodes the characters GS1 Digital Link requires encoded and EPC URIs allow bare. */
    static String escaped(String value) {
        return value.replace("!", "%21")
                .replace("(", "%28")
                .replace(")", "%29")
                .replace("*", "%2A")
                .replace("+", "%2B")
                .replace(",", "%2C")
                .replace(":", "%3A");
    }
}
