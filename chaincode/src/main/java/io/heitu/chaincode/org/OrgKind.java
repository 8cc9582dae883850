package io.heitu.chaincode.org;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Texts;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an organisation is, as the consortium registered it. The kind bounds the roles its users may
 * claim: each organisation runs its own CA and could write any role into a certificate, so a role
 * counts only where the registered kind allows it.
 */
public enum OrgKind {
    FARM(Role.PRODUCER),
    COOPERATIVE(Role.PRODUCER),
    PROCESSOR(Role.PROCESSOR),
    LOGISTICS(Role.LOGISTICS),
    RETAILER(Role.RETAILER),
    INSPECTION_BODY(Role.INSPECTOR),
    REGULATOR(Role.REGULATOR, Role.ADMIN);

    private final Set<Role> roles;

    OrgKind(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static OrgKind of(String word) {
        for (OrgKind kind : values()) {
            if (kind.word().equals(word)) {
                return kind;
            }
        }
        throw Texts.invalid("unknown organisation kind '" + Texts.clip(word) + "'");
    }
}
