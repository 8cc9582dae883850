package io.heitu.chaincode.lot;

import io.heitu.chaincode.epcis.Quantity;

/**
 * Part of a lot shipped and not yet received: from whom, to whom, carried by whom, shipped when,
 * and whether it is a return ({@code returned} true; absent otherwise), the only shipment of a held
 * or recalled lot that may be received.
 */
public record Transit(
        String fromMsp,
        String toMsp,
        String carrierMsp,
        Quantity quantity,
        String eventId,
        String shippedAt,
        Boolean returned) {

    public Transit withQuantity(Quantity remaining) {
        return new Transit(fromMsp, toMsp, carrierMsp, remaining, eventId, shippedAt, returned);
    }

    public boolean isReturn() {
        return Boolean.TRUE.equals(returned);
    }

    public boolean involves(String mspId) {
        return mspId.equals(fromMsp) || mspId.equals(toMsp) || mspId.equals(carrierMsp);
    }
}
