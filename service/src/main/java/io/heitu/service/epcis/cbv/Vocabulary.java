package io.heitu.service.epcis.cbv;

import java.util.Map;

/**
 * CBV and GS1 vocabulary values in the bare-word form EPCIS 2.0 JSON-LD prefers, whichever of the
 * spellings EPCIS allows they came in (bare word, GS1 Web URI, EPCIS 1.x URN, {@code cbv:} CURIE), so
 * that queries match whatever spelling the capturing system used; and back to the URN or Web URI
 * form the XML binding asks for.
 */
public enum Vocabulary {
    BIZ_STEP("BizStep-", "urn:epcglobal:cbv:bizstep:"),
    DISPOSITION("Disp-", "urn:epcglobal:cbv:disp:"),
    SOURCE_DESTINATION_TYPE("SDT-", "urn:epcglobal:cbv:sdt:"),
    BIZ_TRANSACTION_TYPE("BTT-", "urn:epcglobal:cbv:btt:"),
    ERROR_REASON("ER-", "urn:epcglobal:cbv:er:"),
    COMPONENT("Comp-", "urn:epcglobal:cbv:comp:"),
    MEASUREMENT_TYPE(null, null);

    public static final String CBV = "https://ref.gs1.org/cbv/";
    public static final String GS1_VOC = "https://gs1.org/voc/";

    /** Prefixes GS1's EPCIS context declares; they mean the same in every document. */
    public static final Map<String, String> STANDARD_PREFIXES = Map.of(
            "epcis", "https://ref.gs1.org/epcis/",
            "cbv", CBV,
            "cbvmda", "urn:epcglobal:cbv:mda:",
            "gs1", GS1_VOC,
            "rdfs", "http://www.w3.org/2000/01/rdf-schema#",
            "owl", "http://www.w3.org/2002/07/owl#",
            "xsd", "http://www.w3.org/2001/XMLSchema#",
            "dcterms", "http://purl.org/dc/terms/");

    private final String webTerm;
    private final String urn;

    Vocabulary(String webTerm, String urn) {
        this.webTerm = webTerm;
        this.urn = urn;
    }

    /** The bare word of a standard value; any other value as written. */
    public String word(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (this == MEASUREMENT_TYPE) {
            return strip(strip(text, GS1_VOC), "gs1:");
        }
        String stripped = strip(text, CBV + webTerm);
        if (stripped == text) {
            stripped = strip(text, "cbv:" + webTerm);
        }
        if (stripped == text) {
            stripped = strip(text, urn);
        }
        return stripped;
    }

    /** A bare word as the EPCIS 1.x URN (measurement types: the GS1 Web vocabulary CURIE); others as they are. */
    public String urn(String word) {
        if (word == null || isUri(word)) {
            return word;
        }
        return this == MEASUREMENT_TYPE ? "gs1:" + word : urn + word;
    }

    /** A bare word as its GS1 Web URI; others as they are. */
    public String webUri(String word) {
        if (word == null || isUri(word)) {
            return word;
        }
        return this == MEASUREMENT_TYPE ? GS1_VOC + word : CBV + webTerm + word;
    }

    private static boolean isUri(String value) {
        return value.indexOf(':') > 0;
    }

    private static String strip(String value, String prefix) {
        return value.startsWith(prefix) && value.length() > prefix.length() ? value.substring(prefix.length()) : value;
    }
}
