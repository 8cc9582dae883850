package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A lot's standing as the chaincode words it. {@code consumed} is an active lot with nothing left;
 * {@code unverified} a lot known only from other systems' EPCIS events, {@code restricted} a lot of
 * the lineage the caller may not read (both lineage nodes only).
 */
public enum LotState {
    ACTIVE,
    ON_HOLD,
    RECALLED,
    CONSUMED,
    UNVERIFIED,
    RESTRICTED;

    /** The chaincode's word: {@code active}, {@code on_hold} … (also the key of the pages' texts). */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static LotState of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** Whether anything may still be done with the lot (it is neither recalled nor used up). */
    public boolean open() {
        return this == ACTIVE || this == ON_HOLD;
    }
}
