package io.heitu.chaincode.location;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.Words;

/**
 * Tillage practice on a black-soil plot. Conservation tillage (no-till with straw mulch, the
 * "Lishu model" 梨树模式) is what protects Jilin's black soil, and what buyers ask about.
 */
public enum Tillage {
    CONVENTIONAL,
    NO_TILL,
    REDUCED_TILL,
    STRIP_TILL,
    STRAW_MULCH,
    STRAW_RETURN;

    @JsonValue
    public String word() {
        return Words.of(this);
    }

    @JsonCreator
    public static Tillage of(String word) {
        return Words.parse(Tillage.class, "tillage", word);
    }
}
