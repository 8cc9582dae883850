package io.heitu.chaincode.terms;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.org.Gate;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Commercial terms of shipments as private data. The terms arrive in the transient map under
 * {@code "terms"} (the arguments are on the channel, the transient map is not) and go to the
 * private data collection of the seller and buyer pair ({@link TermsCollections}); the channel
 * holds only their hash. The public ledger proves a shipment happened; only its parties see its price.
 */
@Contract(name = "terms", info = @Info(title = "Commercial terms of shipments", version = "1"))
public final class TermsContract implements ContractInterface {

    /**
     * Records (or replaces) the terms of a shipment; the seller or the buyer may. Answers the hash.
     *
     * @param request {@code {"shipmentEventId"}}; transient {@code terms}: {@code {"price":{"amount","currency","unit"},"contractNumber","invoiceNumber","customer":{"name","contact","phone","address","taxId"},"paymentTerms","salt"}}
     */
    @Transaction(name = "Record", intent = Transaction.TYPE.SUBMIT)
    public String record(Context ctx, String request) {
        return Gate.run(
                ctx, Action.TERMS_RECORD, tx -> ShipmentTerms.record(tx, Json.read(request, TermsRequest.class)));
    }

    /**
     * The terms of a shipment, for its seller and buyer only ({@code FORBIDDEN_TERMS} for anyone
     * else, the regulator included; {@code TERMS_NOT_FOUND} when none are recorded).
     *
     * @param request {@code {"shipmentEventId"}}
     */
    @Transaction(name = "Get", intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String request) {
        return Gate.run(ctx, Action.TERMS_GET, tx -> ShipmentTerms.get(tx, Json.read(request, TermsRequest.class)));
    }

    /**
     * Whether the terms in the transient map are the ones recorded: compares their hash with the
     * channel's. Open to whoever may read the shipment's event.
     *
     * @param request {@code {"shipmentEventId"}}; transient {@code terms} as for Record
     */
    @Transaction(name = "Verify", intent = Transaction.TYPE.EVALUATE)
    public String verify(Context ctx, String request) {
        return Gate.run(
                ctx, Action.TERMS_VERIFY, tx -> ShipmentTerms.verify(tx, Json.read(request, TermsRequest.class)));
    }
}
