package io.heitu.service.support;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A 16-bit RGBA PNG written row by row, never held as pixels: 7000 × 7000 of them are 392 MB
 * decoded but a few hundred KB in the file — the decompression bomb that once exhausted the heap.
 * Optionally a QR code fills most of it, to show a bounded decode still reads it.
 */
public final class DeepPng {

    private DeepPng() {}

    public static byte[] of(int width, int height, String qrText) {
        BitMatrix qr = null;
        int scale = 1;
        if (qrText != null) {
            try {
                qr = new QRCodeWriter().encode(qrText, BarcodeFormat.QR_CODE, 0, 0);
            } catch (WriterException e) {
                throw new IllegalArgumentException(e);
            }
            scale = Math.min(width, height) / qr.getWidth();
        }
        try {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(file);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.writeByte(16); // bit depth
            ihdr.writeByte(6); // RGBA
            ihdr.writeByte(0);
            ihdr.writeByte(0);
            ihdr.writeByte(0);
            chunk(out, "IHDR", header.toByteArray());
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(qr == null ? Deflater.BEST_COMPRESSION : Deflater.BEST_SPEED);
            try (DeflaterOutputStream idat = new DeflaterOutputStream(compressed, deflater, 1 << 16)) {
                byte[] row = new byte[1 + width * 8];
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        boolean dark = qr != null
                                && x / scale < qr.getWidth()
                                && y / scale < qr.getHeight()
                                && qr.get(x / scale, y / scale);
                        byte value = dark ? 0 : (byte) 0xff;
                        int at = 1 + x * 8;
                        for (int b = 0; b < 6; b++) {
                            row[at + b] = value;
                        }
                        row[at + 6] = (byte) 0xff;
                        row[at + 7] = (byte) 0xff;
                    }
                    idat.write(row);
                }
            }
            deflater.end();
            chunk(out, "IDAT", compressed.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
