package io.heitu.chaincode.epcis;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Identifiers as EPCIS 2.0 writes them: GS1 Digital Link URIs for GS1 keys, and URNs in our own
 * namespace for plots and organisations that have no GLN.
 */
public final class EpcisIds {

    public static final String DIGITAL_LINK_BASE = "https://id.gs1.org";

    private EpcisIds() {}

    /** The class-level identifier of a traceability lot (GTIN + lot), used as {@code epcClass}. */
    public static String lotClass(String gtin, String lotCode) {
        return DIGITAL_LINK_BASE + "/01/" + gtin + "/10/" + percentEncode(lotCode);
    }

    public static String sscc(String sscc) {
        return DIGITAL_LINK_BASE + "/00/" + sscc;
    }

    /** A location: its GLN as a Digital Link when it has one, else our URN. */
    public static String location(String locationId, String gln) {
        return gln != null ? DIGITAL_LINK_BASE + "/414/" + gln : "urn:heitu:loc:" + locationId;
    }

    /** A party (owning or possessing): its party GLN when it has one, else our URN with its MSP ID. */
    public static String party(String mspId, String gln) {
        return gln != null ? DIGITAL_LINK_BASE + "/417/" + gln : "urn:heitu:org:" + mspId;
    }

    /**
     * Percent-encodes everything outside RFC 3986's unreserved set, as GS1 Digital Link requires
     * for the characters of set 82 that are not URI-safe.
     */
    public static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
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
}
