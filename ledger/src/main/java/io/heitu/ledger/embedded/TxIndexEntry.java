package io.heitu.ledger.embedded;

/** Where an ordered transaction is and how it was validated (Fabric's TxValidationCode number). */
record TxIndexEntry(long blockNumber, int txIndex, int validationCode) {}
