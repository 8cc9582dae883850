package io.heitu.chaincode.location;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.Words;

/** What kind of place a location is; plots and pastures are where lots are commissioned. */
public enum LocationKind {
    PLOT,
    PASTURE,
    FARMSTEAD,
    DRYING_YARD,
    WAREHOUSE,
    FACTORY,
    SLAUGHTERHOUSE,
    DISTRIBUTION_CENTRE,
    STORE,
    LAB,
    OTHER;

    /** Where harvest or slaughter happens: only producers register these. */
    public boolean isProductionSite() {
        return this == PLOT || this == PASTURE || this == FARMSTEAD;
    }

    @JsonValue
    public String word() {
        return Words.of(this);
    }

    @JsonCreator
    public static LocationKind of(String word) {
        return Words.parse(LocationKind.class, "kind", word);
    }
}
