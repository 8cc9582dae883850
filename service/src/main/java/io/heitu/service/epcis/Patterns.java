package io.heitu.service.epcis;

import java.util.ArrayList;
import java.util.List;

/**
 * EPC patterns of the {@code MATCH_} parameters: {@code urn:epc:idpat:sgtin:0614141.107346.*}
 * matches every SGTIN (and the LGTIN classes) of that GTIN; any other value ending in '*' matches
 * identifiers starting with what precedes it. Other values match exactly.
 */
final class Patterns {

    private static final String IDPAT = "urn:epc:idpat:";

    private Patterns() {}

    static List<String> prefixes(List<String> values) {
        List<String> prefixes = new ArrayList<>();
        for (String value : values) {
            if (!value.endsWith("*")) {
                continue;
            }
            String stem = value.substring(0, value.length() - 1);
            if (stem.startsWith(IDPAT)) {
                String rest = stem.substring(IDPAT.length());
                prefixes.add("urn:epc:id:" + rest);
                if (rest.startsWith("sgtin:")) {
                    prefixes.add("urn:epc:class:lgtin:" + rest.substring("sgtin:".length()));
                }
            } else {
                prefixes.add(stem);
            }
        }
        return prefixes;
    }

    static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
