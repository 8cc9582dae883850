package io.heitu.chaincode.lot;

import io.heitu.chaincode.epcis.Quantity;

/** How much of a lot one organisation holds. */
public record Holding(String mspId, Quantity quantity) {}
