package io.heitu.service.label;

import java.util.Arrays;

/**
 * The four mask penalty rules of ISO 18004 7.8.3, scored exactly as ZXing 3.5's MaskUtil scores
 * them, on rows of at most 64 modules held as bits (module x at bit x). Every rule is a few shifts
 * and a bit count per row: the module-by-module loops they replace were mostly mispredicted
 * branches. Columns are scored as the rows of the transposed symbol.
 */
final class QrPenalty {

    private static final int N1 = 3;
    private static final int N2 = 3;
    private static final int N3 = 40;
    private static final int N4 = 10;

    private QrPenalty() {}

    static int of(long[] rows, long[] columns, int dimension) {
        long all = dimension == 64 ? -1L : (1L << dimension) - 1;
        int penalty = 0;
        int dark = 0;
        int finderLike = 0;
        for (int i = 0; i < dimension; i++) {
            penalty += runs(rows[i], all) + runs(columns[i], all);
            finderLike += finderLike(rows[i], all) + finderLike(columns[i], all);
            dark += Long.bitCount(rows[i]);
            if (i + 1 < dimension) {
                penalty += N2 * Long.bitCount(sameBlocks(rows[i], rows[i + 1], all));
            }
        }
        int total = dimension * dimension;
        return penalty + N3 * finderLike + Math.abs(dark * 2 - total) * 10 / total * N4;
    }

    static long[] transpose(long[] rows, int dimension, long[] columns) {
        Arrays.fill(columns, 0, dimension, 0L);
        for (int y = 0; y < dimension; y++) {
            long row = rows[y];
            while (row != 0) {
                int x = Long.numberOfTrailingZeros(row);
                columns[x] |= 1L << y;
                row &= row - 1;
            }
        }
        return columns;
    }

    /** Where module x equals module x + 1, for x up to the second-last. */
    private static long equalNext(long line, long all) {
        return ~(line ^ (line >>> 1)) & (all >>> 1);
    }

    /**
     * Rule 1: a run of n ≥ 5 same-coloured modules costs 3 + (n - 5), which is its n - 4 windows of
     * five alike plus 2 for the window that starts it.
     */
    private static int runs(long line, long all) {
        long equal = equalNext(line, all);
        long fiveAlike = equal & (equal >>> 1) & (equal >>> 2) & (equal >>> 3);
        long starts = fiveAlike & ~(equal << 1);
        return Long.bitCount(fiveAlike) + (N1 - 1) * Long.bitCount(starts);
    }

    /** Rule 2: the 2×2 blocks of one colour whose top-left module is at x. */
    private static long sameBlocks(long upper, long lower, long all) {
        return equalNext(upper, all) & equalNext(lower, all) & ~(upper ^ lower);
    }

    /**
     * Rule 3: 1:1:3:1:1 (dark-light-dark-dark-dark-light-dark) with four light modules just before
     * or after it. As in ZXing 3.5, those four must lie inside the symbol.
     */
    private static int finderLike(long line, long all) {
        long light = ~line & all;
        long pattern = line & ~(line >>> 1) & (line >>> 2) & (line >>> 3) & (line >>> 4) & ~(line >>> 5) & (line >>> 6);
        long fourLight = light & (light >>> 1) & (light >>> 2) & (light >>> 3);
        return Long.bitCount(pattern & ((fourLight << 4) | (fourLight >>> 7)));
    }
}
