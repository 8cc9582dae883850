package io.heitu.chaincode.product;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.Words;

/** Jilin's traced produce. Paddy and milled rice are both rice; live cattle and cuts both beef. */
public enum Category {
    RICE,
    GINSENG,
    MAIZE,
    SOYBEAN,
    BLACK_FUNGUS,
    BEEF,
    OTHER;

    @JsonValue
    public String word() {
        return Words.of(this);
    }

    @JsonCreator
    public static Category of(String word) {
        return Words.parse(Category.class, "category", word);
    }
}
