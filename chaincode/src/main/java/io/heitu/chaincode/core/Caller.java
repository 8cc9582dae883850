package io.heitu.chaincode.core;

import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;

/**
 * Who submitted the transaction: the MSP of the organisation that issued their certificate, and the
 * role written into it by that organisation's CA.
 */
public record Caller(String mspId, Role role, String id) {

    public static final String ROLE_ATTRIBUTE = "role";

    public static Caller of(Context ctx) {
        ClientIdentity identity = ctx.getClientIdentity();
        String role = identity.getAttributeValue(ROLE_ATTRIBUTE);
        if (role == null || role.isEmpty()) {
            throw new TraceException(ErrorCode.FORBIDDEN_ROLE, "the caller's certificate carries no role attribute");
        }
        return new Caller(identity.getMSPID(), Role.of(role), identity.getId());
    }
}
