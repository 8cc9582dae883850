package io.heitu.service.evidence;

import io.heitu.service.problem.ApiException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Re-encodes an upload so that nothing of the file as sent survives: a JPEG or PNG is decoded within
 * a pixel budget (its header is read first, and large pictures are decoded subsampled, so decoding
 * never holds more than about {@code (2 × maxSide)²} pixels) and written again as a JPEG without
 * metadata; a PDF is drawn page by page and written again as a PDF of those pictures, with no
 * scripts, forms, links or attachments left. What the bytes are is decided by their first bytes,
 * never by the name or type the client gave.
 */
final class Sanitizer {

    /** A4 drawn at about 150 dpi: readable, and a page stays a few hundred kilobytes. */
    private static final int PDF_PAGE_SIDE = 1754;

    private static final float PDF_QUALITY = 0.8f;

    private final long maxPixels;
    private final int maxSide;
    private final int maxPdfPages;

    Sanitizer(long maxPixels, int maxSide, int maxPdfPages) {
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        this.maxPdfPages = maxPdfPages;
    }

    /** What the bytes are: {@code image/jpeg}, {@code image/png}, {@code application/pdf}, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8
                && (b[0] & 0xFF) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0D
                && b[5] == 0x0A
                && b[6] == 0x1A
                && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return Sanitized.PDF;
        }
        return null;
    }

    /**
     * @param pdfAllowed whether a PDF may stand for this kind of evidence (inspection reports)
     * @throws ApiException {@code EVIDENCE_UNREADABLE} for anything else or a file that does not
     *     decode; {@code EVIDENCE_TOO_LARGE} for a picture over the pixel budget or a PDF of too many pages
     */
    Sanitized sanitize(byte[] upload, boolean pdfAllowed) {
        String type = sniff(upload);
        if (type == null || (type.equals(Sanitized.PDF) && !pdfAllowed)) {
            throw new ApiException(
                    "EVIDENCE_UNREADABLE",
                    pdfAllowed ? "a JPEG, PNG or PDF file is expected" : "a JPEG or PNG picture is expected");
        }
        try {
            return type.equals(Sanitized.PDF) ? pdf(upload) : image(upload, type);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException refusal) {
                throw refusal;
            }
            throw new ApiException("EVIDENCE_UNREADABLE", "the file does not decode as " + type);
        }
    }

    private Sanitized image(byte[] upload, String type) throws IOException {
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ApiException("EVIDENCE_UNREADABLE", "no reader for " + type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new ApiException(
                            "EVIDENCE_TOO_LARGE",
                            "a picture has at most " + maxPixels + " pixels; this one has " + width + " × " + height);
                }
                int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
        int orientation = type.equals("image/jpeg") ? ExifOrientation.of(upload) : 1;
        BufferedImage upright = Rasters.fit(decoded, maxSide, orientation);
        return new Sanitized(Rasters.jpeg(upright), Sanitized.JPEG, upright.getWidth(), upright.getHeight(), null);
    }

    private Sanitized pdf(byte[] upload) throws IOException {
        try (PDDocument source = Loader.loadPDF(upload);
                PDDocument clean = new PDDocument()) {
            int pages = source.getNumberOfPages();
            if (pages < 1 || pages > maxPdfPages) {
                throw new ApiException(
                        "EVIDENCE_TOO_LARGE", "a report has 1 to " + maxPdfPages + " pages; this one has " + pages);
            }
            PDFRenderer renderer = new PDFRenderer(source);
            int firstWidth = 0;
            int firstHeight = 0;
            for (int i = 0; i < pages; i++) {
                PDRectangle box = source.getPage(i).getCropBox();
                float longSide = Math.max(box.getWidth(), box.getHeight());
                float dpi = Math.min(150f, PDF_PAGE_SIDE * 72f / Math.max(1f, longSide));
                BufferedImage picture = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                if (i == 0) {
                    firstWidth = picture.getWidth();
                    firstHeight = picture.getHeight();
                }
                PDPage page = new PDPage(new PDRectangle(box.getWidth(), box.getHeight()));
                clean.addPage(page);
                PDImageXObject image = JPEGFactory.createFromImage(clean, picture, PDF_QUALITY);
                try (PDPageContentStream content = new PDPageContentStream(clean, page)) {
                    content.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            clean.save(out);
            return new Sanitized(out.toByteArray(), Sanitized.PDF, firstWidth, firstHeight, pages);
        }
    }
}
