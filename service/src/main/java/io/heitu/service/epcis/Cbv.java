package io.heitu.service.epcis;

/**
 * CBV values in the bare-word form EPCIS 2.0 JSON-LD prefers: a business step, disposition or
 * source/destination type written as a GS1 web vocabulary URI or an EPCIS 1.x URN is read as its
 * word, so queries match whatever spelling the capturing system used.
 */
final class Cbv {

    private static final String WEB = "https://ref.gs1.org/cbv/";

    private Cbv() {}

    static String bizStep(String value) {
        return word(value, "BizStep-", "urn:epcglobal:cbv:bizstep:");
    }

    static String disposition(String value) {
        return word(value, "Disp-", "urn:epcglobal:cbv:disp:");
    }

    static String sourceDestinationType(String value) {
        return word(value, "SDT-", "urn:epcglobal:cbv:sdt:");
    }

    static String bizTransactionType(String value) {
        return word(value, "BTT-", "urn:epcglobal:cbv:btt:");
    }

    private static String word(String value, String term, String urn) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.startsWith(WEB + term)) {
            return text.substring(WEB.length() + term.length());
        }
        return text.startsWith(urn) ? text.substring(urn.length()) : text;
    }
}
