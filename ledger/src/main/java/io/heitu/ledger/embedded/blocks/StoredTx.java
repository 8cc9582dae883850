package io.heitu.ledger.embedded.blocks;

/**
 * One transaction as the block stores it, every part as bytes so that verify hashes exactly what
 * was written: the client's signed proposal (its signature covers the creator and arguments), the
 * read/write set (Fabric's {@code KVRWSet}), the chaincode response ({@code peer.Response}), the
 * chaincode event ({@code peer.ChaincodeEvent}, empty when none) and the validation code (Fabric's
 * {@code TxValidationCode} number).
 */
public record StoredTx(int validationCode, byte[] signedProposal, byte[] rwSet, byte[] response, byte[] event) {}
