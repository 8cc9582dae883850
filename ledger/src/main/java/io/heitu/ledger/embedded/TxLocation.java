package io.heitu.ledger.embedded;

import java.time.Instant;

/**
 * Where a valid transaction is recorded: its block, its index in the block, the block's hash (hex)
 * and when the block was committed. The proof a consumer can check against {@code verify}.
 */
public record TxLocation(String txId, long blockNumber, int txIndex, String blockHash, Instant committedAt) {}
