package io.heitu.service.ledger;

import java.time.Instant;

/** Evidence that a transaction is on the ledger: its block, position and block hash. */
public record TxProof(String txId, long blockNumber, int txIndex, String blockHash, Instant committedAt) {}
