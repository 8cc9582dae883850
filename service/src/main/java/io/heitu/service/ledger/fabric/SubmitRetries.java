package io.heitu.service.ledger.fabric;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * When a failed submit is worth trying again. Nothing of a transaction that failed endorsement or
 * lost an MVCC race is on the ledger, so a new proposal is safe; but only these failures can be
 * cured by trying again, a moment later:
 * <ul>
 *   <li>endorsing peers other than the gateway's own refused — they may not have committed the
 *       blocks the gateway peer has (a lot a just-committed transaction moved looks "not yours"
 *       there), or the endorsers' answers differed for the same reason;
 *   <li>the gateway's own peer refused while it is behind a block this service has acknowledged;
 *   <li>the transaction was ordered but invalidated by an MVCC or phantom read conflict.
 * </ul>
 * Everything else (a refusal on up-to-date state, an unreachable orderer) is answered at once.
 */
final class SubmitRetries {

    /** Attempts in all, first included: about 1.5 s of backing off at most. */
    static final int MAX_ATTEMPTS = 5;

    private static final long BASE_MILLIS = 100;

    private SubmitRetries() {}

    /** Every refusal came from a peer outside the gateway peer's organisation. */
    static boolean onlyOtherEndorsersRefused(GatewayException e, String gatewayMsp) {
        if (e.getDetails().isEmpty()) {
            return false;
        }
        for (ErrorDetail detail : e.getDetails()) {
            if (detail.getMspId().isEmpty() || detail.getMspId().equals(gatewayMsp)) {
                return false;
            }
        }
        return true;
    }

    /** The endorsers all answered, but not alike: the gateway could not assemble one transaction. */
    static boolean endorsementsDiffer(GatewayException e) {
        if (mismatch(e.getStatus().getDescription())) {
            return true;
        }
        for (ErrorDetail detail : e.getDetails()) {
            if (mismatch(detail.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mismatch(String message) {
        return message != null && message.contains("ProposalResponsePayloads do not match");
    }

    /** 100 ms, 200 ms, 400 ms, 800 ms, each ± a quarter so that racing clients spread out. */
    static Duration backoff(int failedAttempts) {
        long millis = BASE_MILLIS << Math.min(failedAttempts - 1, 4);
        long jitter = ThreadLocalRandom.current().nextLong(-millis / 4, millis / 4 + 1);
        return Duration.ofMillis(millis + jitter);
    }
}
