package io.heitu.chaincode.epcis;

import java.util.Map;

/**
 * The declared EPCIS extension namespace for Jilin-specific fields (plots, black soil, pesticide
 * intervals, lab results, grades). Written as {@code jl:field} in events.
 */
public final class Jilin {

    public static final String PREFIX = "jl";
    public static final String NAMESPACE = "https://ns.heitu.io/jilin/";

    /** Business steps CBV has no word for, as URIs in our namespace (EPCIS allows any URI). */
    public static final String BIZSTEP_INPUT_APPLICATION = NAMESPACE + "bizstep/input_application";

    public static final String BIZSTEP_GRADING = NAMESPACE + "bizstep/grading";

    private Jilin() {}

    public static String field(String name) {
        return PREFIX + ":" + name;
    }

    public static Map<String, String> prefixes() {
        return Map.of(PREFIX, NAMESPACE);
    }
}
