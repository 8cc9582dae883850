package io.heitu.service.app;

import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Gs1;
import io.heitu.service.qr.QrException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A lot as people type or scan it: a GS1 Digital Link, a GS1 element string, or "GTIN lot". */
record LotKey(String gtin, String lotCode) {

    // (01)06901234500035(10)R5-2026-1005, or the same without brackets as a scanner sends it.
    private static final Pattern ELEMENT_STRING = Pattern.compile("\\(?01\\)?(\\d{14})\\(?10\\)?(\\S{1,20})");
    private static final Pattern GTIN_AND_LOT = Pattern.compile("(\\d{8,14})\\s*[/ ,]\\s*(\\S{1,20})");

    /** The lot named by {@code text}, or empty when it names none (or a GTIN's check digit is wrong). */
    static Optional<LotKey> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (value.startsWith("http://") || value.startsWith("https://")) {
                DigitalLink link = DigitalLink.parse(value);
                return Optional.of(new LotKey(link.gtin(), link.lot()));
            }
            Matcher matcher = ELEMENT_STRING.matcher(value);
            if (!matcher.matches()) {
                matcher = GTIN_AND_LOT.matcher(value);
            }
            if (matcher.matches()) {
                return Optional.of(new LotKey(Gs1.gtin14(matcher.group(1)), Gs1.lot(matcher.group(2))));
            }
        } catch (QrException invalid) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The lot's GS1 Digital Link on the GS1 resolver, as the forms show it. */
    String uri() {
        return DigitalLink.ofLot(gtin, lotCode).toUri("id.gs1.org");
    }

    /** The web app's page for the lot. */
    String page() {
        return "/app/lots/" + gtin + "/" + lotCode;
    }
}
