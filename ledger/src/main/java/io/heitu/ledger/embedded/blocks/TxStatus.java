package io.heitu.ledger.embedded.blocks;

import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** The outcome of a transaction, named after Fabric's validation codes where one exists. */
public enum TxStatus {
    /** Ordered, valid, its writes committed. */
    VALID(TxValidationCode.VALID_VALUE),
    /** Ordered but invalid: a key it read changed before it was committed. Nothing written. */
    MVCC_READ_CONFLICT(TxValidationCode.MVCC_READ_CONFLICT_VALUE),
    /** Ordered but invalid: a range it scanned gained, lost or changed a key. Nothing written. */
    PHANTOM_READ_CONFLICT(TxValidationCode.PHANTOM_READ_CONFLICT_VALUE),
    /** The chaincode returned an error: never ordered, nothing written. */
    ENDORSEMENT_FAILED(TxValidationCode.ENDORSEMENT_POLICY_FAILURE_VALUE),
    /** Signature, creator or transaction id invalid: never simulated, nothing written. */
    BAD_PROPOSAL(TxValidationCode.BAD_PROPOSAL_TXID_VALUE),
    /** A transaction with this id was already submitted: never ordered again. */
    DUPLICATE_TXID(TxValidationCode.DUPLICATE_TXID_VALUE);

    private final int validationCode;

    TxStatus(int validationCode) {
        this.validationCode = validationCode;
    }

    /** Fabric's {@code TxValidationCode} number; stored in blocks for ordered transactions. */
    public int validationCode() {
        return validationCode;
    }

    /** True for the statuses a block can record; the others are decided before ordering. */
    boolean ordered() {
        return this == VALID || this == MVCC_READ_CONFLICT || this == PHANTOM_READ_CONFLICT;
    }

    public static TxStatus ofValidationCode(int code) {
        for (TxStatus status : values()) {
            if (status.ordered() && status.validationCode == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a validation code a block records: " + code);
    }
}
