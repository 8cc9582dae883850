package io.heitu.service.epcis.identifier;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GS1 key with its key qualifiers, as GS1 Digital Link writes it: the primary key's application
 * identifier and value, then qualifiers in the order Digital Link prescribes. Values are decoded;
 * {@link #digitalLink()} writes the canonical form on {@code id.gs1.org}, which is how EPCs compare
 * everywhere in the EPCIS interface, whichever host or EPC URN a partner wrote them with.
 */
public record Gs1Key(List<Element> elements) {

    public static final String CANONICAL_BASE = "https://id.gs1.org/";

    /** One application identifier and its decoded value. */
    public record Element(String ai, String value) {}

    /** Primary keys: the syntax of their value and the qualifiers that may follow, in order. */
    private record Primary(Pattern syntax, boolean checkDigit, List<String> qualifiers) {}

    private static final Map<String, Primary> PRIMARY = Map.ofEntries(
            Map.entry("01", new Primary(Pattern.compile("\\d{14}"), true, List.of("22", "10", "21", "235"))),
            Map.entry("00", new Primary(Pattern.compile("\\d{18}"), true, List.of())),
            Map.entry("414", new Primary(Pattern.compile("\\d{13}"), true, List.of("254", "7040"))),
            Map.entry("417", new Primary(Pattern.compile("\\d{13}"), true, List.of())),
            Map.entry("8003", new Primary(Pattern.compile("0\\d{13}.{0,16}"), false, List.of())),
            Map.entry("8004", new Primary(Pattern.compile(".{1,30}"), false, List.of())),
            Map.entry("8018", new Primary(Pattern.compile("\\d{18}"), true, List.of())),
            Map.entry("8017", new Primary(Pattern.compile("\\d{18}"), true, List.of())),
            Map.entry("253", new Primary(Pattern.compile("\\d{13}.{0,17}"), false, List.of())),
            Map.entry("255", new Primary(Pattern.compile("\\d{13}\\d{0,12}"), false, List.of())),
            Map.entry("401", new Primary(Pattern.compile(".{1,30}"), false, List.of())),
            Map.entry("402", new Primary(Pattern.compile("\\d{17}"), true, List.of())),
            Map.entry("8006", new Primary(Pattern.compile("\\d{18}"), false, List.of("22", "10", "21"))),
            Map.entry("8010", new Primary(Pattern.compile(".{1,30}"), false, List.of("8011"))));

    private static final Pattern CSET = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]+");

    public Gs1Key {
        elements = List.copyOf(elements);
    }

    public String primaryAi() {
        return elements.get(0).ai();
    }

    public String primaryValue() {
        return elements.get(0).value();
    }

    /** The value of an application identifier, if the key has it. */
    public Optional<String> value(String ai) {
        return elements.stream()
                .filter(element -> element.ai().equals(ai))
                .map(Element::value)
                .findFirst();
    }

    public boolean has(String ai) {
        return value(ai).isPresent();
    }

    /** {@code https://id.gs1.org/{ai}/{value}…}, values percent-encoded outside RFC 3986's unreserved set. */
    public String digitalLink() {
        StringBuilder uri = new StringBuilder(CANONICAL_BASE);
        for (int i = 0; i < elements.size(); i++) {
            uri.append(i == 0 ? "" : "/")
                    .append(elements.get(i).ai())
                    .append('/')
                    .append(encode(elements.get(i).value()));
        }
        return uri.toString();
    }

    /** A key from its elements, checked like a parsed Digital Link (syntax, check digit, qualifier order). */
    public static Optional<Gs1Key> of(List<Element> elements) {
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        Primary primary = PRIMARY.get(elements.get(0).ai());
        if (primary == null || !valid(elements.get(0).value(), primary)) {
            return Optional.empty();
        }
        int last = -1;
        for (Element qualifier : elements.subList(1, elements.size())) {
            int position = primary.qualifiers().indexOf(qualifier.ai());
            if (position <= last
                    || !CSET.matcher(qualifier.value()).matches()
                    || qualifier.value().length() > 28) {
                return Optional.empty();
            }
            last = position;
        }
        return Optional.of(new Gs1Key(elements));
    }

    /**
     * Reads a GS1 Digital Link URI on any host (and under any path prefix): the first path segment
     * that names a primary key starts the key; a query string or fragment is ignored. Anything else,
     * or a key that fails its syntax or check digit, is not a GS1 key.
     */
    public static Optional<Gs1Key> parseDigitalLink(String uri) {
        if (uri == null || uri.length() > 2048 || !(uri.startsWith("https://") || uri.startsWith("http://"))) {
            return Optional.empty();
        }
        String path;
        try {
            URI parsed = new URI(uri);
            if (parsed.getHost() == null || parsed.getRawPath() == null) {
                return Optional.empty();
            }
            path = parsed.getRawPath();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String[] segments = path.split("/", -1);
        for (int start = 1; start + 1 < segments.length; start++) {
            if (PRIMARY.containsKey(segments[start])) {
                if ((segments.length - start) % 2 != 0) {
                    return Optional.empty();
                }
                List<Element> elements = new ArrayList<>();
                for (int i = start; i + 1 < segments.length; i += 2) {
                    Optional<String> value = decode(segments[i + 1]);
                    if (value.isEmpty() || value.get().isEmpty()) {
                        return Optional.empty();
                    }
                    elements.add(new Element(segments[i], value.get()));
                }
                return of(elements);
            }
        }
        return Optional.empty();
    }

    private static boolean valid(String value, Primary primary) {
        if (!primary.syntax().matcher(value).matches() || !CSET.matcher(value).matches()) {
            return false;
        }
        return !primary.checkDigit() || checkDigitValid(value);
    }

    /** The GS1 mod-10 check digit for the given digits (weights 3, 1, 3, … from the right). */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    static boolean checkDigitValid(String digits) {
        return checkDigit(digits.substring(0, digits.length() - 1)) == digits.charAt(digits.length() - 1) - '0';
    }

    static String encode(String value) {
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

    /** Strict percent-decoding: a malformed escape or invalid UTF-8 is no value at all. */
    static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 128) {
                return Optional.empty();
            } else if (c != '%') {
                bytes.write(c);
            } else if (i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isHex(char c) {
        return c < 128 && Character.digit(c, 16) >= 0;
    }
}
