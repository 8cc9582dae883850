package io.heitu.chaincode.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.heitu.chaincode.core.Role;
import java.util.List;

/**
 * A member of the consortium, identified by the MSP ID of its certificate authority. Its GS1
 * company prefixes bound the GTINs, GLNs and SSCCs it may use; its recording delay bounds how long
 * after a step it may record it ({@value #DEFAULT_RECORDING_DELAY_HOURS} hours unless registered
 * otherwise).
 */
public record Organisation(
        String mspId,
        String nameZh,
        String nameEn,
        List<OrgKind> kinds,
        String gln,
        String uscc,
        String county,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> companyPrefixes,
        Integer recordingDelayHours,
        String registeredAt,
        String registeredBy) {

    public static final int DEFAULT_RECORDING_DELAY_HOURS = 72;

    public Organisation {
        kinds = List.copyOf(kinds);
        companyPrefixes = companyPrefixes == null ? List.of() : List.copyOf(companyPrefixes);
    }

    public boolean allows(Role role) {
        return kinds.stream().anyMatch(kind -> kind.allows(role));
    }

    public boolean isProducer() {
        return allows(Role.PRODUCER);
    }

    /** Hours after an event within which this organisation may record it. */
    public int recordingDelay() {
        return recordingDelayHours == null ? DEFAULT_RECORDING_DELAY_HOURS : recordingDelayHours;
    }

    /** True when the digits (a GTIN-13 body, a GLN, an SSCC without its extension digit) are under one of its prefixes. */
    public boolean owns(String digits) {
        return companyPrefixes.stream().anyMatch(digits::startsWith);
    }
}
