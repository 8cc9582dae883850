package io.heitu.ledger.embedded;

/** A chaincode event set by a valid transaction. */
public record TxEvent(String txId, String name, byte[] payload) {}
