package io.heitu.service.ledger;

/** A committed transaction: the chaincode's JSON answer and where it was committed. */
public record Committed(String json, String txId, long blockNumber, String blockHash) {}
