package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.TraceException;
import java.util.Locale;

/** CBV 2.0 dispositions, written as their bare CBV words. */
public enum Disposition {
    ACTIVE,
    AVAILABLE,
    COMPLETENESS_INFERRED,
    COMPLETENESS_VERIFIED,
    CONFORMANT,
    CONTAINER_CLOSED,
    CONTAINER_OPEN,
    DAMAGED,
    DESTROYED,
    DISPENSED,
    DISPOSED,
    ENCODED,
    EXPIRED,
    IN_PROGRESS,
    IN_TRANSIT,
    INACTIVE,
    MISMATCH_CLASS,
    MISMATCH_INSTANCE,
    MISMATCH_QUANTITY,
    NEEDS_REPLACEMENT,
    NO_PEDIGREE_MATCH,
    NON_CONFORMANT,
    NON_SELLABLE_OTHER,
    PARTIALLY_DISPENSED,
    RECALLED,
    RESERVED,
    RETAIL_SOLD,
    RETURNED,
    SELLABLE_ACCESSIBLE,
    SELLABLE_NOT_ACCESSIBLE,
    STOLEN,
    UNAVAILABLE,
    UNKNOWN;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Disposition of(String word) {
        for (Disposition disposition : values()) {
            if (disposition.word().equals(word)) {
                return disposition;
            }
        }
        throw new TraceException(ErrorCode.UNKNOWN_CBV_VALUE, "'" + Texts.clip(word) + "' is not a CBV disposition");
    }
}
