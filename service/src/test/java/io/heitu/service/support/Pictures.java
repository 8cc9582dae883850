package io.heitu.service.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Pictures for upload tests, made here: a JPEG with EXIF as phones write it, PNGs of any size. */
public final class Pictures {

    private Pictures() {}

    /** A wide JPEG whose EXIF says "turn 90° clockwise" (orientation 6) and carries a text tag. */
    public static byte[] jpegWithExif(int width, int height, String secret) {
        byte[] plain = encode(picture(width, height), "jpeg");
        byte[] secretBytes = (secret + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF, little-endian: two entries, Orientation = 6 and ImageDescription = secret.
        ByteBuffer tiff =
                ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + secretBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) 6)
                .putShort((short) 0);
        tiff.putShort((short) 0x010E)
                .putShort((short) 2)
                .putInt(secretBytes.length)
                .putInt(8 + 2 + 24 + 4);
        tiff.putInt(0);
        tiff.put(secretBytes);
        byte[] exif = tiff.array();
        int length = 2 + 6 + exif.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(exif);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /** A black-and-white PNG: huge in pixels, small in bytes (a decompression bomb's shape). */
    public static byte[] bilevelPng(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png");
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x8EC5F0));
        g.fillRect(0, 0, width, height / 2);
        g.setColor(new Color(0xC9A23A));
        g.fillRect(0, height / 2, width, height - height / 2);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 10, height / 10);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
