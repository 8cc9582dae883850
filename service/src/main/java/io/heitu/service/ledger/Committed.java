package io.heitu.service.ledger;

/**
 * A committed transaction: the chaincode's JSON answer and where it was committed. The block hash
 * is empty where the ledger does not have it at hand at commit time (Fabric: {@link
 * Ledger#proof} reads it when a proof is asked for).
 */
public record Committed(String json, String txId, long blockNumber, String blockHash) {}
