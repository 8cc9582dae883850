package io.heitu.chaincode.org;

import io.heitu.chaincode.core.Role;
import java.util.List;

/** A member of the consortium, identified by the MSP ID of its certificate authority. */
public record Organisation(
        String mspId,
        String nameZh,
        String nameEn,
        List<OrgKind> kinds,
        String gln,
        String uscc,
        String county,
        String registeredAt,
        String registeredBy) {

    public Organisation {
        kinds = List.copyOf(kinds);
    }

    public boolean allows(Role role) {
        return kinds.stream().anyMatch(kind -> kind.allows(role));
    }

    public boolean isProducer() {
        return allows(Role.PRODUCER);
    }
}
