package io.heitu.ledger.embedded.commit;

import io.heitu.ledger.embedded.blocks.TxStatus;

/**
 * The outcome of a submitted or evaluated transaction.
 *
 * @param txId the transaction id, or empty when the proposal could not be decoded
 * @param status {@link TxStatus#VALID} only when the writes are committed (submit) or the chaincode
 *     succeeded (evaluate)
 * @param chaincodeStatus the chaincode's response status (200 on success), 0 when not simulated
 * @param message the chaincode's error message, or why the transaction was rejected or invalid
 * @param payload the chaincode's response payload, empty when none
 * @param blockNumber the block that records the transaction, -1 when it was not ordered
 * @param blockHash that block's hash in lowercase hex, empty when it was not ordered
 */
public record TxResult(
        String txId,
        TxStatus status,
        int chaincodeStatus,
        String message,
        byte[] payload,
        long blockNumber,
        String blockHash) {

    public TxResult {
        payload = payload == null ? new byte[0] : payload;
        message = message == null ? "" : message;
    }

    public boolean isValid() {
        return status == TxStatus.VALID;
    }

    static TxResult rejected(String txId, TxStatus status, int chaincodeStatus, String message) {
        return new TxResult(txId, status, chaincodeStatus, message, new byte[0], -1, "");
    }
}
