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
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/** Reads the QR code in a photo of a label (PNG, JPEG, anything ImageIO reads). */
public final class LabelDecoder {

    /** Most pixels an upload may decode to: a 48-megapixel phone photo, not a decompression bomb. */
    public static final long MAX_PIXELS = 50_000_000L;

    /**
     * Memory one decode may take, as estimated from the header before any pixel is read: the
     * decoded raster at its own depth (a 16-bit RGBA PNG takes 8 bytes a pixel) plus ZXing's grey
     * copy and bit matrix. A picture that would take more is read subsampled (every 2nd, 3rd …
     * pixel of every 2nd, 3rd … row, as the reader goes), so 7000 × 7000 × 16-bit RGBA costs
     * under this budget rather than 440 MB; a code big enough to be read in such a photo survives.
     */
    public static final long MEMORY_BUDGET = 48L * 1024 * 1024;

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
        return decode(image, MEMORY_BUDGET);
    }

    /** As {@link #decode(byte[])}, within {@code budget} bytes of decoded pixels. */
    public static String decode(byte[] image, long budget) {
        BufferedImage picture = read(image, budget);
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

    /** Checks the size from the header before decoding any pixels, and subsamples to the budget. */
    private static BufferedImage read(byte[] image, long budget) {
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
                ImageReadParam param = reader.getDefaultReadParam();
                int step = step(reader.getWidth(0), reader.getHeight(0), bytesPerPixel(reader), budget);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (QrException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new QrException(Error.UNSUPPORTED_MEDIA_TYPE, "the image cannot be read", e);
        }
    }

    /** The smallest subsampling step whose decoded pixels, ZXing's copies included, fit the budget. */
    static int step(int width, int height, int bytesPerPixel, long budget) {
        long perPixel = bytesPerPixel + 2L;
        int step = 1;
        while ((long) ceil(width, step) * ceil(height, step) * perPixel > budget) {
            step++;
        }
        return step;
    }

    private static int ceil(int size, int step) {
        return (size + step - 1) / step;
    }

    /** Bytes a decoded pixel takes in the reader's own image type (its first, the one it decodes to). */
    private static int bytesPerPixel(ImageReader reader) throws IOException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types == null || !types.hasNext()) {
            return 8; // unknown: assume the worst a reader here produces
        }
        SampleModel model = types.next().getSampleModel(1, 1);
        int bits = model.getNumDataElements() * DataBuffer.getDataTypeSize(model.getDataType());
        return Math.max(1, (bits + 7) / 8);
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
