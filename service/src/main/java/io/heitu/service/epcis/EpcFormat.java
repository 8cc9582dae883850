package io.heitu.service.epcis;

import io.heitu.service.problem.ApiException;
import java.util.Arrays;

/** {@code GS1-EPC-Format}: how the answer writes EPCs. Absent, the bindings say Digital Links. */
public enum EpcFormat {
    NO_PREFERENCE("No_Preference"),
    ALWAYS_GS1_DIGITAL_LINK("Always_GS1_Digital_Link"),
    ALWAYS_EPC_URN("Always_EPC_URN"),
    NEVER_TRANSLATES("Never_Translates");

    private final String header;

    EpcFormat(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public static EpcFormat of(String header) {
        if (header == null || header.isBlank()) {
            return ALWAYS_GS1_DIGITAL_LINK;
        }
        return Arrays.stream(values())
                .filter(format -> format.header.equals(header.strip()))
                .findFirst()
                .orElseThrow(
                        () -> new ApiException(
                                "EPCIS_INVALID_HEADER",
                                "GS1-EPC-Format is No_Preference, Always_GS1_Digital_Link, Always_EPC_URN or Never_Translates"));
    }
}
