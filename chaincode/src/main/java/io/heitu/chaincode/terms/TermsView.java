package io.heitu.chaincode.terms;

/** Answer of {@code terms:Get}: the shipment, its two parties, the terms and their hash on the channel. */
public record TermsView(
        String shipmentEventId, String seller, String buyer, String collection, Terms terms, String hash) {}
