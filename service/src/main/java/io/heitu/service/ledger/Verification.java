package io.heitu.service.ledger;

/** The result of recomputing the ledger: how much was checked, and the first bad block if any. */
public record Verification(
        boolean ok, long blocksChecked, long transactionsChecked, Long firstBadBlock, String problem) {}
