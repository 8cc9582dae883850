package io.heitu.chaincode.qr;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.org.Gate;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/** QR code signing keys and issuance records. */
@Contract(name = "qr", info = @Info(title = "QR codes", version = "1"))
public final class QrContract implements ContractInterface {

    /**
     * Registers a public key the caller's organisation signs codes with.
     *
     * @param request {@code {"keyId","algorithm":"Ed25519|ES256","publicKey":"<base64 SPKI>"}}
     */
    @Transaction(name = "RegisterKey", intent = Transaction.TYPE.SUBMIT)
    public String registerKey(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.QR_REGISTER_KEY,
                tx -> QrCodes.registerKey(tx, Json.read(request, QrRequests.RegisterKey.class)));
    }

    /**
     * Revokes a signing key: its owner or a regulator. Codes signed with it stop being genuine.
     *
     * @param request {@code {"mspId","keyId","reason"}}
     */
    @Transaction(name = "RevokeKey", intent = Transaction.TYPE.SUBMIT)
    public String revokeKey(Context ctx, String request) {
        return Gate.run(
                ctx, Action.QR_REVOKE_KEY, tx -> QrCodes.revokeKey(tx, Json.read(request, QrRequests.RevokeKey.class)));
    }

    /**
     * Records an issuance of codes for a lot; refused before a passing inspection where the product needs one.
     *
     * @param request {@code {"gtin","lotCode","keyId","count","perUnit","serialsDigest"}}
     */
    @Transaction(name = "RecordIssuance", intent = Transaction.TYPE.SUBMIT)
    public String recordIssuance(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.QR_RECORD_ISSUANCE,
                tx -> QrCodes.recordIssuance(tx, Json.read(request, QrRequests.RecordIssuance.class)));
    }

    /** @param request {@code {"mspId"}}, optional: every organisation's keys when absent */
    @Transaction(name = "Keys", intent = Transaction.TYPE.EVALUATE)
    public String keys(Context ctx, String request) {
        return Gate.run(
                ctx,
                Action.QR_KEYS,
                tx -> QrCodes.keys(tx, Json.read(request, QrRequests.Keys.class).mspId()));
    }

    /** @param request {@code {"gtin","lotCode"}} */
    @Transaction(name = "Issuances", intent = Transaction.TYPE.EVALUATE)
    public String issuances(Context ctx, String request) {
        return Gate.run(ctx, Action.QR_ISSUANCES, tx -> {
            QrRequests.ByLot lot = Json.read(request, QrRequests.ByLot.class);
            return QrCodes.issuances(tx, new LotRef(lot.gtin(), lot.lotCode()));
        });
    }
}
