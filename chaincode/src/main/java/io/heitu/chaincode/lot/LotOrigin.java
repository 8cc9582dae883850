package io.heitu.chaincode.lot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.Words;

/** How a lot came to be: commissioned at harvest or slaughter, or made from other lots. */
public enum LotOrigin {
    HARVEST,
    SLAUGHTER,
    TRANSFORMATION,
    SPLIT,
    MERGE;

    public boolean isCommissioning() {
        return this == HARVEST || this == SLAUGHTER;
    }

    @JsonValue
    public String word() {
        return Words.of(this);
    }

    @JsonCreator
    public static LotOrigin of(String word) {
        return Words.parse(LotOrigin.class, "origin", word);
    }
}
