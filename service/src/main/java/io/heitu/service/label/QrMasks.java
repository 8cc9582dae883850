package io.heitu.service.label;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the QR mask as ZXing does (lowest ISO 18004 penalty, first on ties), with the same result
 * ({@code QrMasksTest} compares the symbols), several times faster. ZXing rebuilds the symbol for
 * each of the eight masks and spent most of an encode scoring them, which capped PNG and label
 * throughput. Here ZXing builds the symbol once with mask 0; each row is a {@code long}, a mask
 * flips the data modules with one XOR per row, and {@link QrPenalty} scores rows bit-parallel.
 * Symbols wider than 64 modules (version 12 and up, far longer than our URIs) are left to ZXing.
 */
final class QrMasks {

    static final int MAX_DIMENSION = 64;

    private static final int MASKS = 8;

    // Where the first copy of the 15 format bits goes, least significant bit first (ISO 18004 7.9).
    private static final int[] TYPE_INFO_X = {8, 8, 8, 8, 8, 8, 8, 8, 7, 5, 4, 3, 2, 1, 0};
    private static final int[] TYPE_INFO_Y = {0, 1, 2, 3, 4, 5, 7, 8, 8, 8, 8, 8, 8, 8, 8};

    /** Per version, per mask, per row: the data modules that flip from the mask-0 symbol. */
    private static final Map<Integer, long[][]> FLIPS = new ConcurrentHashMap<>();

    private QrMasks() {}

    static QRCode encode(String content, ErrorCorrectionLevel level, Map<EncodeHintType, ?> hints)
            throws WriterException {
        Map<EncodeHintType, Object> maskZero = new HashMap<>(hints);
        maskZero.put(EncodeHintType.QR_MASK_PATTERN, 0);
        QRCode code = Encoder.encode(content, level, maskZero);
        int dimension = code.getMatrix().getWidth();
        if (dimension > MAX_DIMENSION) {
            return Encoder.encode(content, level, hints);
        }
        long[][] flips = FLIPS.computeIfAbsent(code.getVersion().getVersionNumber(), v -> flips(code.getVersion()));
        long[] base = rows(code.getMatrix());
        long[] rows = new long[dimension];
        long[] columns = new long[dimension];
        int best = 0;
        int bestPenalty = Integer.MAX_VALUE;
        for (int mask = 0; mask < MASKS; mask++) {
            masked(base, flips[mask], level, mask, dimension, rows);
            int penalty = QrPenalty.of(rows, QrPenalty.transpose(rows, dimension, columns), dimension);
            if (penalty < bestPenalty) {
                bestPenalty = penalty;
                best = mask;
            }
        }
        if (best != 0) {
            masked(base, flips[best], level, best, dimension, rows);
            byte[][] matrix = code.getMatrix().getArray();
            for (int y = 0; y < dimension; y++) {
                for (int x = 0; x < dimension; x++) {
                    matrix[y][x] = (byte) (rows[y] >>> x & 1);
                }
            }
            code.setMaskPattern(best);
        }
        return code;
    }

    /** The level and mask with their BCH(15,5) code, XORed with 101010000010010. */
    static int typeInfoBits(ErrorCorrectionLevel level, int mask) {
        int data = (level.getBits() << 3) | mask;
        int remainder = data << 10;
        for (int bit = 14; bit >= 10; bit--) {
            if ((remainder >> bit & 1) != 0) {
                remainder ^= 0x537 << (bit - 10);
            }
        }
        return ((data << 10) | remainder) ^ 0x5412;
    }

    private static void masked(
            long[] base, long[] flips, ErrorCorrectionLevel level, int mask, int dimension, long[] out) {
        for (int y = 0; y < dimension; y++) {
            out[y] = base[y] ^ flips[y];
        }
        int typeInfo = typeInfoBits(level, mask);
        for (int i = 0; i < 15; i++) {
            long bit = typeInfo >> i & 1;
            set(out, TYPE_INFO_X[i], TYPE_INFO_Y[i], bit);
            if (i < 8) {
                set(out, dimension - 1 - i, 8, bit);
            } else {
                set(out, 8, dimension - 7 + (i - 8), bit);
            }
        }
    }

    private static void set(long[] rows, int x, int y, long bit) {
        rows[y] = (rows[y] & ~(1L << x)) | (bit << x);
    }

    /** Row y as bits, module x at bit x. */
    private static long[] rows(ByteMatrix matrix) {
        long[] rows = new long[matrix.getHeight()];
        for (int y = 0; y < rows.length; y++) {
            byte[] row = matrix.getArray()[y];
            long bits = 0;
            for (int x = 0; x < row.length; x++) {
                bits |= (long) (row[x] & 1) << x;
            }
            rows[y] = bits;
        }
        return rows;
    }

    private static long[][] flips(Version version) {
        int dimension = version.getDimensionForVersion();
        long[] function = functionModules(version);
        long[][] flips = new long[MASKS][dimension];
        for (int mask = 0; mask < MASKS; mask++) {
            for (int y = 0; y < dimension; y++) {
                for (int x = 0; x < dimension; x++) {
                    if ((function[y] >>> x & 1) == 0 && maskBit(0, x, y) != maskBit(mask, x, y)) {
                        flips[mask][y] |= 1L << x;
                    }
                }
            }
        }
        return flips;
    }

    /** The mask conditions of ISO 18004 table 10; true where a data module is inverted. */
    static boolean maskBit(int mask, int x, int y) {
        return switch (mask) {
            case 0 -> (y + x) % 2 == 0;
            case 1 -> y % 2 == 0;
            case 2 -> x % 3 == 0;
            case 3 -> (y + x) % 3 == 0;
            case 4 -> (y / 2 + x / 3) % 2 == 0;
            case 5 -> (y * x) % 2 + (y * x) % 3 == 0;
            case 6 -> ((y * x) % 2 + (y * x) % 3) % 2 == 0;
            default -> ((y * x) % 3 + (y + x) % 2) % 2 == 0;
        };
    }

    /** Finders with separators and format areas, timing, alignment and version areas. */
    private static long[] functionModules(Version version) {
        int dimension = version.getDimensionForVersion();
        long[] function = new long[dimension];
        fill(function, 0, 0, 9, 9);
        fill(function, dimension - 8, 0, 8, 9);
        fill(function, 0, dimension - 8, 9, 8);
        fill(function, 6, 9, 1, dimension - 17);
        fill(function, 9, 6, dimension - 17, 1);
        int[] centres = version.getAlignmentPatternCenters();
        int last = centres.length - 1;
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j <= last; j++) {
                boolean onFinder = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                if (!onFinder) {
                    fill(function, centres[i] - 2, centres[j] - 2, 5, 5);
                }
            }
        }
        if (version.getVersionNumber() > 6) {
            fill(function, dimension - 11, 0, 3, 6);
            fill(function, 0, dimension - 11, 6, 3);
        }
        return function;
    }

    private static void fill(long[] rows, int left, int top, int width, int height) {
        long bits = ((1L << width) - 1) << left;
        for (int y = top; y < top + height; y++) {
            rows[y] |= bits;
        }
    }
}
