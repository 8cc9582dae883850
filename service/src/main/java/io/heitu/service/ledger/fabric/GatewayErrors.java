package io.heitu.service.ledger.fabric;

import io.grpc.Status;
import io.heitu.service.ledger.LedgerException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The one place where the Fabric Gateway's checked exceptions become the ledger port's: a
 * chaincode refusal keeps its stable code (the peers pass on only the message, which the chaincode
 * opens with the code), an MVCC loss is a conflict, an unreachable peer is "unavailable", and a
 * user whose organisation the channel does not name is refused as such.
 */
final class GatewayErrors {

    private static final Pattern CODE = Pattern.compile("([A-Z][A-Z_]{2,}): ");

    private GatewayErrors() {}

    static LedgerException translate(GatewayException e) {
        for (ErrorDetail detail : e.getDetails()) {
            if (detail.getMessage().contains("creator org unknown")) {
                // The peers do not know the user's MSP: the organisation is not a channel member.
                return new LedgerException.Rejected(
                        "ORGANISATION_NOT_ON_CHANNEL", "the channel configuration does not name this organisation");
            }
        }
        Status.Code status = e.getStatus().getCode();
        if (status == Status.Code.UNAVAILABLE
                || status == Status.Code.DEADLINE_EXCEEDED
                || status == Status.Code.CANCELLED) {
            return new LedgerException.Unavailable("Fabric gateway " + status, e);
        }
        for (ErrorDetail detail : e.getDetails()) {
            LedgerException.Rejected rejected = fromChaincodeMessage(detail.getMessage());
            if (rejected != null) {
                return rejected;
            }
        }
        LedgerException.Rejected inMessage = fromChaincodeMessage(e.getStatus().getDescription());
        return inMessage != null ? inMessage : new LedgerException.Unavailable("Fabric gateway failed: " + status, e);
    }

    /** Peers wrap chaincode errors as "chaincode response 500, CODE: text". */
    static LedgerException.Rejected fromChaincodeMessage(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = CODE.matcher(message);
        return matcher.find() ? LedgerException.Rejected.fromMessage(message.substring(matcher.start())) : null;
    }

    static LedgerException invalid(String txId, TxValidationCode code) {
        return switch (code) {
            case MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT -> new LedgerException.Conflict(code.name());
            default -> new LedgerException.Unavailable("transaction " + txId + " was invalidated: " + code, null);
        };
    }
}
