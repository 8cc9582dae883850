package io.heitu.service.graph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A lot's EPC class URI (GS1 Digital Link, {@code https://id.gs1.org/01/{gtin}/10/{lot}}) taken apart. */
public record LotClass(String gtin, String lotCode) {

    private static final Pattern LOT_CLASS = Pattern.compile("^https://id\\.gs1\\.org/01/(\\d{14})/10/([^/?#]+)$");

    static Optional<LotClass> of(String epcClass) {
        Matcher matcher = LOT_CLASS.matcher(epcClass == null ? "" : epcClass);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LotClass(matcher.group(1), percentDecoded(matcher.group(2))));
        } catch (IllegalArgumentException notAnEscape) {
            return Optional.empty();
        }
    }

    private static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
