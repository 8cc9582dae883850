package io.heitu.chaincode.terms;

import io.heitu.chaincode.core.Texts;

/** Names the shipment (its EPCIS event ID) whose terms are recorded, read or verified. */
public record TermsRequest(String shipmentEventId) {

    public TermsRequest {
        Texts.require("shipmentEventId", shipmentEventId);
    }
}
