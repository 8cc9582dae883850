package io.heitu.ledger.embedded.verify;

import java.util.OptionalLong;

/**
 * The result of {@link io.heitu.ledger.embedded.EmbeddedLedger#verify()}.
 *
 * @param blocksChecked blocks whose hash, link and transactions were recomputed
 * @param transactionsChecked transactions whose signature, creator and effects were checked
 * @param firstBadBlock the first block that fails a check, empty when all pass
 * @param problem what is wrong with that block, empty when all pass
 */
public record VerifyReport(long blocksChecked, long transactionsChecked, OptionalLong firstBadBlock, String problem) {

    public VerifyReport {
        problem = problem == null ? "" : problem;
    }

    static VerifyReport passed(long blocks, long transactions) {
        return new VerifyReport(blocks, transactions, OptionalLong.empty(), "");
    }

    static VerifyReport failed(long blocks, long transactions, long badBlock, String problem) {
        return new VerifyReport(blocks, transactions, OptionalLong.of(badBlock), problem);
    }

    /** True when every block, transaction and the state passed. */
    public boolean ok() {
        return firstBadBlock.isEmpty();
    }
}
