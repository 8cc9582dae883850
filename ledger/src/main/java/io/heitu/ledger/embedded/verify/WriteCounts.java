package io.heitu.ledger.embedded.verify;

import java.util.Arrays;

/** Valid writes per block, counted once from the blocks and once from the history, then compared. */
final class WriteCounts {

    private long[] counts = new long[1024];
    private long highest = -1;

    void add(long block) {
        if (block >= counts.length) {
            counts = Arrays.copyOf(counts, (int) Math.max(block + 1, 2L * counts.length));
        }
        counts[(int) block]++;
        highest = Math.max(highest, block);
    }

    /** The first block whose count differs from {@code other}'s, or -1 when none does. */
    long firstDifference(WriteCounts other) {
        long last = Math.max(highest, other.highest);
        for (long block = 0; block <= last; block++) {
            if (count(block) != other.count(block)) {
                return block;
            }
        }
        return -1;
    }

    private long count(long block) {
        return block < counts.length ? counts[(int) block] : 0;
    }
}
