package io.heitu.chaincode.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a user may do, as the {@code role} attribute of their X.509 certificate states it. */
public enum Role {
    PRODUCER,
    PROCESSOR,
    LOGISTICS,
    RETAILER,
    INSPECTOR,
    REGULATOR,
    ADMIN;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role of(String word) {
        for (Role role : values()) {
            if (role.word().equals(word)) {
                return role;
            }
        }
        throw new TraceException(ErrorCode.FORBIDDEN_ROLE, "unknown role '" + Texts.clip(word) + "'");
    }
}
