package io.heitu.chaincode.epcis;

import io.heitu.chaincode.core.TraceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a traceability lot out of an EPCIS class identifier: a GS1 Digital Link URI with GTIN and
 * lot ({@code https://…/01/<gtin>/10/<lot>}, any domain) or an LGTIN URN
 * ({@code urn:epc:class:lgtin:<company prefix>.<indicator+item>.<lot>}).
 */
public final class LotClasses {

    private static final Pattern LOT_CLASS = Pattern.compile("^https://id\\.gs1\\.org/01/(\\d{14})/10/([^/?#]+)$");

    private LotClasses() {}

    /** The lot an {@code epcClass} names, or empty when it names none (a product class, a pattern …). */
    public static Optional<LotRef> of(String epcClass) {
        if (epcClass == null || epcClass.length() > 512) {
            return Optional.empty();
        }
        String canonical = EventHashDigitalLinks.normalise(epcClass.strip());
        if (canonical == null) {
            return Optional.empty();
        }
        Matcher lot = LOT_CLASS.matcher(canonical);
        if (!lot.matches()) {
            return Optional.empty();
        }
        try {
            String code = URLDecoder.decode(lot.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
            return Optional.of(new LotRef(lot.group(1), code));
        } catch (TraceException | IllegalArgumentException notALot) {
            return Optional.empty();
        }
    }
}
