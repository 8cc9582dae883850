package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A member organisation as {@code org:Get} answers: its MSP ID, names and kinds (farm, mill …). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organisation(
        String mspId,
        String nameZh,
        String nameEn,
        List<String> kinds,
        String gln,
        String uscc,
        String county,
        String registeredAt,
        String registeredBy) {

    public Organisation {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
}
