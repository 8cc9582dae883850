package io.heitu.chaincode.org;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Caller;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * The way into every transaction: checks the caller's role against the action, then (for writes)
 * that the caller's organisation is registered and its kind allows that role; runs the body; and
 * returns the result in the canonical JSON. Nothing but a {@link TraceException} leaves a
 * transaction, so clients never see a stack trace.
 */
public final class Gate {

    private static final Logger LOG = Logger.getLogger(Gate.class.getName());

    private Gate() {}

    public static String run(Context ctx, Action action, Function<Tx, Object> body) {
        try {
            Caller caller = Caller.of(ctx);
            if (!action.allows(caller.role())) {
                throw new TraceException(
                        ErrorCode.FORBIDDEN_ROLE,
                        "role " + caller.role().word() + " may not call " + action.transaction());
            }
            Tx tx = new Tx(ctx.getStub(), caller, action);
            if (action.isWrite() && !isBootstrap(tx)) {
                Organisation organisation = requireMembership(tx);
                tx.allowRecordingDelay(Duration.ofHours(organisation.recordingDelay()));
            }
            Object result = body.apply(tx);
            return result instanceof String json ? json : Json.write(result);
        } catch (ChaincodeException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected failure in " + action.transaction(), e);
            throw new TraceException(ErrorCode.INTERNAL_ERROR, "unexpected failure in " + action.transaction());
        }
    }

    private static Organisation requireMembership(Tx tx) {
        Caller caller = tx.caller();
        Organisation organisation = Organisations.find(tx, caller.mspId())
                .orElseThrow(() -> new TraceException(
                        ErrorCode.FORBIDDEN_ORGANISATION, "organisation " + caller.mspId() + " is not registered"));
        if (!organisation.allows(caller.role())) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_ORGANISATION,
                    "organisation " + caller.mspId() + " is registered as "
                            + organisation.kinds().stream().map(OrgKind::word).toList() + " and may not act as "
                            + caller.role().word());
        }
        return organisation;
    }

    /** The very first registration: an administrator registers their own regulator organisation. */
    private static boolean isBootstrap(Tx tx) {
        return tx.action() == Action.ORG_REGISTER
                && tx.caller().role() == Role.ADMIN
                && Organisations.registryIsEmpty(tx);
    }
}
