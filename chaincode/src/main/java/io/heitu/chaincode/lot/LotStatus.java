package io.heitu.chaincode.lot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.Words;

/** A lot's standing. "Consumed" is not stored: it is an active lot with nothing left. */
public enum LotStatus {
    ACTIVE,
    ON_HOLD,
    RECALLED;

    @JsonValue
    public String word() {
        return Words.of(this);
    }

    @JsonCreator
    public static LotStatus of(String word) {
        return Words.parse(LotStatus.class, "status", word);
    }
}
