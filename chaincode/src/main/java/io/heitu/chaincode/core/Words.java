package io.heitu.chaincode.core;

import java.util.Locale;

/** Enums written as lowercase words in JSON, with a clear refusal for unknown words. */
public final class Words {

    private Words() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String word) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(word)) {
                return value;
            }
        }
        throw Texts.invalid(field + " '" + Texts.clip(word) + "' is not one of " + allowed(type));
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        StringBuilder words = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            words.append(words.length() == 0 ? "" : ", ").append(of(value));
        }
        return words.toString();
    }
}
