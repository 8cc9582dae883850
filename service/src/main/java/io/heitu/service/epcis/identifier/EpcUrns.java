package io.heitu.service.epcis.identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * EPC URNs of the GS1 EPC Tag Data Standard (pure identities {@code urn:epc:id:…}, the LGTIN class
 * {@code urn:epc:class:lgtin:…} and class-level patterns {@code urn:epc:idpat:…:*}) to and from GS1
 * keys. An EPC URN splits the key at the end of the GS1 company prefix; a Digital Link does not say
 * where that is, so writing a URN needs the prefix length.
 */
public final class EpcUrns {

    /** A parsed EPC URN: its kind (id, class or idpat), scheme, and components as written (escapes decoded). */
    public record Urn(String kind, String scheme, List<String> components) {

        public Urn {
            components = List.copyOf(components);
        }

        public String companyPrefix() {
            return components.get(0);
        }
    }

    /** How many dot-separated components each scheme has; the last takes the rest of the URN. */
    private static final java.util.Map<String, Integer> COMPONENTS = java.util.Map.ofEntries(
            java.util.Map.entry("sgtin", 3),
            java.util.Map.entry("sscc", 2),
            java.util.Map.entry("sgln", 3),
            java.util.Map.entry("grai", 3),
            java.util.Map.entry("giai", 2),
            java.util.Map.entry("gsrn", 2),
            java.util.Map.entry("gsrnp", 2),
            java.util.Map.entry("gdti", 3),
            java.util.Map.entry("cpi", 3),
            java.util.Map.entry("sgcn", 3),
            java.util.Map.entry("ginc", 2),
            java.util.Map.entry("gsin", 2),
            java.util.Map.entry("itip", 5),
            java.util.Map.entry("upui", 3),
            java.util.Map.entry("pgln", 2),
            java.util.Map.entry("lgtin", 3));

    private static final Pattern DIGITS = Pattern.compile("\\d*");

    private EpcUrns() {}

    /** Parses {@code urn:epc:id|class|idpat:scheme:components}; empty when it is none of those. */
    public static Optional<Urn> parse(String uri) {
        if (uri == null || uri.length() > 512 || !uri.regionMatches(true, 0, "urn:epc:", 0, 8)) {
            return Optional.empty();
        }
        String[] head = uri.substring(8).split(":", 3);
        if (head.length != 3) {
            return Optional.empty();
        }
        String kind = head[0].toLowerCase(Locale.ROOT);
        String scheme = head[1].toLowerCase(Locale.ROOT);
        Integer count = COMPONENTS.get(scheme);
        boolean knownKind = kind.equals("id") && !scheme.equals("lgtin")
                || kind.equals("class") && scheme.equals("lgtin")
                || kind.equals("idpat") && !scheme.equals("lgtin");
        if (count == null || !knownKind) {
            return Optional.empty();
        }
        String[] parts = head[2].split("\\.", count);
        if (parts.length != count) {
            return Optional.empty();
        }
        List<String> components = new ArrayList<>();
        for (String part : parts) {
            Optional<String> decoded = Gs1Key.decode(part);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            components.add(decoded.get());
        }
        return Optional.of(new Urn(kind, scheme, components));
    }

    /**
     * The GS1 key of an EPC URN: a pure identity, an LGTIN class, or a pattern that names a class
     * (every component fixed but a trailing {@code *}). Empty for other patterns and for URNs whose
     * digits do not add up.
     */
    public static Optional<Gs1Key> toKey(String uri) {
        return parse(uri).flatMap(EpcUrns::toKey);
    }

    static Optional<Gs1Key> toKey(Urn urn) {
        List<String> c = urn.components();
        String cp = c.get(0);
        if (!DIGITS.matcher(cp).matches() || cp.length() < 6 || cp.length() > 12) {
            return Optional.empty();
        }
        boolean pattern = urn.kind().equals("idpat");
        if (pattern) {
            // Only class-level patterns: everything fixed up to a final '*'.
            for (int i = 0; i < c.size(); i++) {
                boolean last = i == c.size() - 1;
                if (c.get(i).equals("*") != last) {
                    return Optional.empty();
                }
            }
        }
        return switch (urn.scheme()) {
            case "sgtin" ->
                gtin(cp, c.get(1)).flatMap(gtin -> pattern ? key("01", gtin) : key("01", gtin, "21", c.get(2)));
            case "lgtin" -> gtin(cp, c.get(1)).flatMap(gtin -> key("01", gtin, "10", c.get(2)));
            case "upui" ->
                gtin(cp, c.get(1)).flatMap(gtin -> pattern ? key("01", gtin) : key("01", gtin, "235", c.get(2)));
            case "sscc" ->
                fixed(cp, c.get(1), 17)
                        .flatMap(digits -> key(
                                "00", checked(c.get(1).charAt(0) + cp + c.get(1).substring(1))));
            case "sgln" ->
                fixed(cp, c.get(1), 12).flatMap(digits -> {
                    String gln = checked(digits);
                    return c.get(2).equals("0") ? key("414", gln) : key("414", gln, "254", c.get(2));
                });
            case "pgln" -> fixed(cp, c.get(1), 12).flatMap(digits -> key("417", checked(digits)));
            case "grai" ->
                fixed(cp, c.get(1), 12)
                        .flatMap(digits -> key("8003", "0" + checked(digits) + (pattern ? "" : c.get(2))));
            case "gdti" ->
                fixed(cp, c.get(1), 12).flatMap(digits -> key("253", checked(digits) + (pattern ? "" : c.get(2))));
            case "sgcn" ->
                fixed(cp, c.get(1), 12).flatMap(digits -> key("255", checked(digits) + (pattern ? "" : c.get(2))));
            case "gsrn" -> fixed(cp, c.get(1), 17).flatMap(digits -> key("8018", checked(digits)));
            case "gsrnp" -> fixed(cp, c.get(1), 17).flatMap(digits -> key("8017", checked(digits)));
            case "gsin" -> fixed(cp, c.get(1), 16).flatMap(digits -> key("402", checked(digits)));
            case "giai" -> pattern ? Optional.empty() : key("8004", cp + c.get(1));
            case "ginc" -> pattern ? Optional.empty() : key("401", cp + c.get(1));
            case "cpi" -> pattern ? key("8010", cp + c.get(1)) : key("8010", cp + c.get(1), "8011", c.get(2));
            case "itip" ->
                gtin(cp, c.get(1)).flatMap(gtin -> {
                    String piece = c.get(2);
                    String total = c.get(3);
                    if (!piece.matches("\\d{2}") || !total.matches("\\d{2}")) {
                        return Optional.empty();
                    }
                    return pattern
                            ? key("8006", gtin + piece + total)
                            : key("8006", gtin + piece + total, "21", c.get(4));
                });
            default -> Optional.empty();
        };
    }

    /**
     * The EPC URN of a key with a company prefix of {@code prefixLength} digits: a pure identity, an
     * LGTIN class, or a class-level pattern for keys without their serial. Empty when the key has no
     * EPC URN (a CPV, a GLN extension 7040, …) or the prefix length does not fit.
     */
    public static Optional<String> toUrn(Gs1Key key, int prefixLength) {
        if (prefixLength < 6 || prefixLength > 12) {
            return Optional.empty();
        }
        String value = key.primaryValue();
        int l = prefixLength;
        return switch (key.primaryAi()) {
            case "01" -> {
                if (key.has("22")) {
                    yield Optional.empty();
                }
                String cp = value.substring(1, 1 + l);
                String iir = value.charAt(0) + value.substring(1 + l, 13);
                if (key.has("21") && !key.has("10")) {
                    yield urn("id:sgtin", cp, iir, escape(key.value("21").orElseThrow()));
                } else if (key.has("10") && !key.has("21")) {
                    yield urn("class:lgtin", cp, iir, escape(key.value("10").orElseThrow()));
                } else if (key.has("235")) {
                    yield urn("id:upui", cp, iir, escape(key.value("235").orElseThrow()));
                } else if (key.elements().size() == 1) {
                    yield urn("idpat:sgtin", cp, iir, "*");
                }
                yield Optional.empty();
            }
            case "00" -> urn("id:sscc", value.substring(1, 1 + l), value.charAt(0) + value.substring(1 + l, 17));
            case "414" ->
                key.has("7040")
                        ? Optional.empty()
                        : urn(
                                "id:sgln",
                                value.substring(0, l),
                                value.substring(l, 12),
                                escape(key.value("254").orElse("0")));
            case "417" -> urn("id:pgln", value.substring(0, l), value.substring(l, 12));
            case "8003" ->
                value.length() == 14
                        ? urn("idpat:grai", value.substring(1, 1 + l), value.substring(1 + l, 13), "*")
                        : urn(
                                "id:grai",
                                value.substring(1, 1 + l),
                                value.substring(1 + l, 13),
                                escape(value.substring(14)));
            case "8004" ->
                value.length() > l
                        ? urn("id:giai", value.substring(0, l), escape(value.substring(l)))
                        : Optional.empty();
            case "8018" -> urn("id:gsrn", value.substring(0, l), value.substring(l, 17));
            case "8017" -> urn("id:gsrnp", value.substring(0, l), value.substring(l, 17));
            case "253" ->
                value.length() == 13
                        ? urn("idpat:gdti", value.substring(0, l), value.substring(l, 12), "*")
                        : urn("id:gdti", value.substring(0, l), value.substring(l, 12), escape(value.substring(13)));
            case "255" ->
                value.length() == 13
                        ? urn("idpat:sgcn", value.substring(0, l), value.substring(l, 12), "*")
                        : urn("id:sgcn", value.substring(0, l), value.substring(l, 12), value.substring(13));
            case "401" ->
                value.length() > l
                        ? urn("id:ginc", value.substring(0, l), escape(value.substring(l)))
                        : Optional.empty();
            case "402" -> urn("id:gsin", value.substring(0, l), value.substring(l, 16));
            case "8006" -> {
                String cp = value.substring(1, 1 + l);
                String iir = value.charAt(0) + value.substring(1 + l, 13);
                String piece = value.substring(14, 16);
                String total = value.substring(16, 18);
                yield key.value("21")
                        .map(serial -> urn("id:itip", cp, iir, piece, total, escape(serial)))
                        .orElseGet(() -> urn("idpat:itip", cp, iir, piece, total, "*"));
            }
            case "8010" -> {
                if (value.length() <= l
                        || !DIGITS.matcher(value.substring(0, l)).matches()) {
                    yield Optional.empty();
                }
                String cp = value.substring(0, l);
                String reference = escape(value.substring(l));
                yield key.value("8011")
                        .map(serial -> urn("id:cpi", cp, reference, serial))
                        .orElseGet(() -> urn("idpat:cpi", cp, reference, "*"));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<String> urn(String kindAndScheme, String... components) {
        if (!DIGITS.matcher(components[0]).matches()) {
            return Optional.empty();
        }
        return Optional.of("urn:epc:" + kindAndScheme + ":" + String.join(".", components));
    }

    /** GTIN-14 from a company prefix and an indicator digit + item reference, 13 digits in all, checked. */
    private static Optional<String> gtin(String cp, String indicatorAndItem) {
        if (!DIGITS.matcher(indicatorAndItem).matches() || cp.length() + indicatorAndItem.length() != 13) {
            return Optional.empty();
        }
        return Optional.of(checked(indicatorAndItem.charAt(0) + cp + indicatorAndItem.substring(1)));
    }

    private static Optional<String> fixed(String cp, String reference, int digits) {
        if (!DIGITS.matcher(reference).matches() || cp.length() + reference.length() != digits) {
            return Optional.empty();
        }
        return Optional.of(cp + reference);
    }

    private static Optional<Gs1Key> key(String... aisAndValues) {
        List<Gs1Key.Element> elements = new ArrayList<>();
        for (int i = 0; i < aisAndValues.length; i += 2) {
            elements.add(new Gs1Key.Element(aisAndValues[i], aisAndValues[i + 1]));
        }
        return Gs1Key.of(elements);
    }

    private static String checked(String digits) {
        return digits + Gs1Key.checkDigit(digits);
    }

    /** The characters the Tag Data Standard escapes in the URN form of a key's free-text part. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("%22");
                case '%' -> out.append("%25");
                case '&' -> out.append("%26");
                case '/' -> out.append("%2F");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '?' -> out.append("%3F");
                case '#' -> out.append("%23");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
