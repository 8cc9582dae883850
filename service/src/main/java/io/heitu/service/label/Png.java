package io.heitu.service.label;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal writer of 1-bit greyscale PNGs. ImageIO's PNG writer cost more than encoding the QR
 * code itself; a black-and-white image needs none of its generality.
 */
final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Png() {}

    /**
     * Encodes a square image given as packed rows, most significant bit first, 1 for white, each
     * row {@code (size + 7) / 8} bytes.
     */
    static byte[] write(byte[] packed, int size) {
        int stride = (size + 7) / 8;
        // Each scanline starts with its filter type; 0 (None) suits an image that is mostly runs.
        byte[] raw = new byte[(stride + 1) * size];
        for (int y = 0; y < size; y++) {
            System.arraycopy(packed, y * stride, raw, y * (stride + 1) + 1, stride);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.writeBytes(SIGNATURE);
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(size)
                        .putInt(size)
                        .put((byte) 1) // bit depth
                        .put((byte) 0) // greyscale
                        .put((byte) 0) // deflate
                        .put((byte) 0) // adaptive filtering
                        .put((byte) 0) // no interlace
                        .array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
