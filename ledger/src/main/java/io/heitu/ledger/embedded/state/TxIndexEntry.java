package io.heitu.ledger.embedded.state;

/** Where an ordered transaction is and how it was validated (Fabric's TxValidationCode number). */
public record TxIndexEntry(long blockNumber, int txIndex, int validationCode) {}
