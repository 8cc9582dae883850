package io.heitu.service.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.heitu.service.qr.QrException;
import io.heitu.service.qr.QrException.Error;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads the QR code in a photo of a label (PNG, JPEG, anything ImageIO reads). */
public final class LabelDecoder {

    /** Most pixels an upload may decode to: a 48-megapixel phone photo, not a decompression bomb. */
    public static final long MAX_PIXELS = 50_000_000L;

    /** Photos larger than this on their long side are also tried scaled down, which finds big codes faster. */
    private static final int SCALED_EDGE = 1600;

    // Not PURE_BARCODE: a photo has perspective, background and other print around the code.
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.ALSO_INVERTED, Boolean.TRUE);

    private static final Map<DecodeHintType, Object> PURE = Map.of(
            DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    private LabelDecoder() {}

    /**
     * The text of the QR code in the image.
     *
     * @throws QrException {@code UNSUPPORTED_MEDIA_TYPE} if the bytes are no image, {@code
     *     LIMIT_EXCEEDED} if it is too large, {@code QR_CODE_NOT_FOUND} if it holds no readable code
     */
    public static String decode(byte[] image) {
        BufferedImage picture = read(image);
        String text = decode(picture);
        if (text == null && Math.max(picture.getWidth(), picture.getHeight()) > SCALED_EDGE) {
            text = decode(scaled(picture));
        }
        if (text == null) {
            throw new QrException(Error.QR_CODE_NOT_FOUND, "no QR code could be read in the image");
        }
        return text;
    }

    /**
     * Hybrid binarisation copes with uneven light; the global histogram with blur. Last, the image
     * read as nothing but the code: ZXing's finder-pattern search misses about one clean rendering
     * in thirty (a screenshot, a PNG from this service), which the pure reading gets.
     */
    private static String decode(BufferedImage picture) {
        LuminanceSource source = new BufferedImageLuminanceSource(picture);
        BinaryBitmap hybrid = new BinaryBitmap(new HybridBinarizer(source));
        for (BinaryBitmap bitmap : List.of(hybrid, new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return new QRCodeReader().decode(bitmap, HINTS).getText();
            } catch (ReaderException e) {
                // Try the next binariser.
            }
        }
        try {
            return new QRCodeReader().decode(hybrid, PURE).getText();
        } catch (ReaderException e) {
            return null;
        }
    }

    /** Checks the size from the header before decoding any pixels. */
    private static BufferedImage read(byte[] image) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new QrException(Error.UNSUPPORTED_MEDIA_TYPE, "the upload is not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new QrException(Error.LIMIT_EXCEEDED, "an image has at most " + MAX_PIXELS + " pixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (QrException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new QrException(Error.UNSUPPORTED_MEDIA_TYPE, "the image cannot be read", e);
        }
    }

    private static BufferedImage scaled(BufferedImage picture) {
        double factor = (double) SCALED_EDGE / Math.max(picture.getWidth(), picture.getHeight());
        int width = Math.max(1, (int) (picture.getWidth() * factor));
        int height = Math.max(1, (int) (picture.getHeight() * factor));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(picture, 0, 0, width, height, null);
        graphics.dispose();
        return small;
    }
}
