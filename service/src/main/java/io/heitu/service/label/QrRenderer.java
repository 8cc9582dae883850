package io.heitu.service.label;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.QRCode;
import io.heitu.service.qr.QrException;
import io.heitu.service.qr.QrException.Error;
import java.util.Arrays;
import java.util.Map;

/**
 * QR codes as PNG and SVG: ZXing encodes, {@link QrMasks} picks the mask as ZXing would, faster.
 * Both formats leave the 4-module quiet zone the QR standard asks for. Thread-safe.
 */
public final class QrRenderer {

    /** Modules of white around the symbol. */
    public static final int QUIET_ZONE = 4;

    /** Largest image edge: a bigger QR code serves nobody and costs memory. */
    public static final int MAX_SIZE = 4096;

    // ISO-8859-1 is ZXing's default and URIs are ASCII: no ECI segment, a shorter code. Other text
    // is UTF-8 with an ECI, so phones decode it right.
    private static final Map<EncodeHintType, Object> UTF8 = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");

    private QrRenderer() {}

    /**
     * A 1-bit PNG {@code size} pixels square (larger if the code needs it at one pixel per module).
     * Modules are whole pixels, so the symbol is centred in whatever the size leaves over.
     */
    public static byte[] png(String content, int size, ErrorCorrectionLevel level) {
        ByteMatrix matrix = matrix(content, level);
        int edge = Math.max(checkedSize(size), matrix.getWidth() + 2 * QUIET_ZONE);
        int scale = edge / (matrix.getWidth() + 2 * QUIET_ZONE);
        int offset = (edge - matrix.getWidth() * scale) / 2;
        int stride = (edge + 7) / 8;
        byte[] pixels = new byte[stride * edge];
        Arrays.fill(pixels, (byte) 0xff);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    darken(pixels, stride, offset + x * scale, offset + y * scale, scale);
                }
            }
        }
        return Png.write(pixels, edge);
    }

    /** An SVG of {@code size} pixels whose user units are modules: one path of runs, no raster. */
    public static String svg(String content, int size, ErrorCorrectionLevel level) {
        ByteMatrix matrix = matrix(content, level);
        int edge = matrix.getWidth() + 2 * QUIET_ZONE;
        int pixels = checkedSize(size);
        StringBuilder svg = new StringBuilder(8192).append("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" \
                        viewBox="0 0 %d %d" shape-rendering="crispEdges">\
                        <rect width="%d" height="%d" fill="#fff"/><path fill="#000" d=\"""".formatted(pixels, pixels, edge, edge, edge, edge));
        QrRenderer.<RuntimeException>forEachRun(
                matrix,
                (x, y, length) -> svg.append('M')
                        .append(x + QUIET_ZONE)
                        .append(' ')
                        .append(y + QUIET_ZONE)
                        .append('h')
                        .append(length)
                        .append("v1h-")
                        .append(length)
                        .append('z'));
        return svg.append("\"/></svg>\n").toString();
    }

    /** The QR version (1-40) ZXing picks for the content; 10 or less scans easily off a small label. */
    public static int version(String content, ErrorCorrectionLevel level) {
        return encode(content, level).getVersion().getVersionNumber();
    }

    /** The modules without quiet zone, 1 for dark. */
    static ByteMatrix matrix(String content, ErrorCorrectionLevel level) {
        return encode(content, level).getMatrix();
    }

    /** Horizontal runs of dark modules, row by row: far fewer shapes than one per module. */
    static <E extends Exception> void forEachRun(ByteMatrix matrix, RunConsumer<E> runs) throws E {
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                runs.accept(start, y, x - start);
            }
        }
    }

    /** A run of {@code length} dark modules starting at module ({@code x}, {@code y}). */
    @FunctionalInterface
    interface RunConsumer<E extends Exception> {
        void accept(int x, int y, int length) throws E;
    }

    private static QRCode encode(String content, ErrorCorrectionLevel level) {
        if (content == null || content.isEmpty() || level == null) {
            throw new QrException(Error.INVALID_ARGUMENT, "a QR code needs content and an error-correction level");
        }
        try {
            boolean ascii = content.chars().allMatch(c -> c < 128);
            return QrMasks.encode(content, level, ascii ? Map.of() : UTF8);
        } catch (WriterException e) {
            throw new QrException(Error.INVALID_ARGUMENT, "the content does not fit in a QR code", e);
        }
    }

    private static int checkedSize(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new QrException(Error.INVALID_ARGUMENT, "a QR image is 1 to " + MAX_SIZE + " pixels");
        }
        return size;
    }

    /** Clears a square of bits: a set bit is white, most significant bit first. */
    private static void darken(byte[] pixels, int stride, int left, int top, int scale) {
        for (int y = top; y < top + scale; y++) {
            int row = y * stride;
            for (int x = left; x < left + scale; x++) {
                pixels[row + (x >> 3)] &= (byte) ~(0x80 >> (x & 7));
            }
        }
    }
}
