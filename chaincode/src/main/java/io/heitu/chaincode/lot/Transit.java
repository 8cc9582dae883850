package io.heitu.chaincode.lot;

import io.heitu.chaincode.epcis.Quantity;

/** Part of a lot shipped and not yet received: from whom, to whom, carried by whom, shipped when. */
public record Transit(
        String fromMsp, String toMsp, String carrierMsp, Quantity quantity, String eventId, String shippedAt) {

    public Transit withQuantity(Quantity remaining) {
        return new Transit(fromMsp, toMsp, carrierMsp, remaining, eventId, shippedAt);
    }

    public boolean involves(String mspId) {
        return mspId.equals(fromMsp) || mspId.equals(toMsp) || mspId.equals(carrierMsp);
    }
}
