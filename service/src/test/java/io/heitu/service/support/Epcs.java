package io.heitu.service.support;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test's own reading of EPC URNs (GS1 Tag Data Standard 2.0), kept apart from the service's:
 * a URN as its Digital Link on id.gs1.org for the schemes GS1's examples use, and EPC pattern
 * matching component by component.
 */
final class Epcs {

    private static final Pattern URN = Pattern.compile("urn:epc:(id|class|idpat):([a-z]+):(.*)");
    private static final Pattern LINK =
            Pattern.compile("https?://[^/]+(?:/[^/]+)*?/(01|00|414|417|8003|8004|253|8018)/([^/?#]+)(.*)");

    private Epcs() {}

    /** Whether a query value (an EPC pattern, an EPC URN or a Digital Link) matches an identifier. */
    static boolean matches(String value, String id) {
        Matcher pattern = URN.matcher(value);
        if (pattern.matches() && pattern.group(1).equals("idpat")) {
            return matchesPattern(pattern.group(2), pattern.group(3).split("\\.", -1), id);
        }
        return same(value, id);
    }

    static boolean same(String a, String b) {
        return digitalLink(a).equals(digitalLink(b));
    }

    /** The Digital Link on id.gs1.org of an EPC URN or a Digital Link on any host; anything else as is. */
    static String digitalLink(String id) {
        Matcher link = LINK.matcher(id);
        if (link.matches()) {
            return "https://id.gs1.org/" + link.group(1) + "/" + link.group(2)
                    + link.group(3).replaceFirst("[?#].*$", "");
        }
        Matcher urn = URN.matcher(id);
        if (!urn.matches()) {
            return id;
        }
        String[] c = urn.group(3).split("\\.", -1);
        switch (urn.group(1) + ":" + urn.group(2)) {
            case "id:sgtin":
                return "https://id.gs1.org/01/" + gtin(c[0], c[1]) + "/21/" + c[2];
            case "class:lgtin":
                return "https://id.gs1.org/01/" + gtin(c[0], c[1]) + "/10/" + c[2];
            case "idpat:sgtin":
                return c[2].equals("*") ? "https://id.gs1.org/01/" + gtin(c[0], c[1]) : id;
            case "id:sscc":
                return "https://id.gs1.org/00/" + check(c[1].charAt(0) + c[0] + c[1].substring(1));
            case "id:sgln":
                String gln = check(c[0] + c[1]);
                return "https://id.gs1.org/414/" + gln + (c[2].equals("0") ? "" : "/254/" + c[2]);
            case "id:pgln":
                return "https://id.gs1.org/417/" + check(c[0] + c[1]);
            case "id:grai":
                return "https://id.gs1.org/8003/0" + check(c[0] + c[1]) + c[2];
            case "id:giai":
                return "https://id.gs1.org/8004/" + c[0] + c[1];
            case "id:gdti":
                return "https://id.gs1.org/253/" + check(c[0] + c[1]) + c[2];
            case "id:gsrn":
                return "https://id.gs1.org/8018/" + check(c[0] + c[1]);
            default:
                return id;
        }
    }

    /** TDS pattern matching: each fixed component equal, '*' anything; classes match an open serial. */
    private static boolean matchesPattern(String scheme, String[] pattern, String id) {
        Matcher urn = URN.matcher(id);
        String[] components;
        boolean classLevel;
        if (urn.matches()) {
            classLevel = !urn.group(1).equals("id");
            String idScheme = urn.group(2).equals("lgtin") ? "sgtin" : urn.group(2);
            if (!idScheme.equals(scheme)) {
                return false;
            }
            components = urn.group(3).split("\\.", -1);
        } else {
            // A Digital Link: split it as the pattern's company prefix says (sgtin and lgtin only).
            Matcher link = LINK.matcher(id);
            if (!link.matches() || !scheme.equals("sgtin") || !link.group(1).equals("01") || pattern[0].equals("*")) {
                return false;
            }
            String gtin = link.group(2);
            int cp = pattern[0].length();
            List<String> qualifiers = List.of(link.group(3).split("/"));
            classLevel = !qualifiers.contains("21");
            String last = qualifiers.size() >= 3 ? qualifiers.get(2) : "*";
            components = new String[] {gtin.substring(1, 1 + cp), gtin.charAt(0) + gtin.substring(1 + cp, 13), last};
        }
        if (components.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            boolean last = i == pattern.length - 1;
            if (classLevel && last) {
                if (!pattern[i].equals("*")) {
                    return false;
                }
            } else if (!pattern[i].equals("*") && !pattern[i].equals(components[i])) {
                return false;
            }
        }
        return true;
    }

    private static String gtin(String companyPrefix, String indicatorAndItem) {
        return check(indicatorAndItem.charAt(0) + companyPrefix + indicatorAndItem.substring(1));
    }

    private static String check(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
