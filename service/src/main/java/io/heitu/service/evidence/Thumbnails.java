package io.heitu.service.evidence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Small JPEGs of evidence files for pages (a 5 kg bag's photo is shown 96 pixels wide on a phone):
 * drawn from bytes already checked against the ledger, in a few fixed widths only, and kept in
 * memory. A PDF's thumbnail is its first page.
 */
@Component
public class Thumbnails {

    public static final Set<Integer> WIDTHS = Set.of(160, 320, 640);

    private final Cache<String, byte[]> drawn = Caffeine.newBuilder()
            .maximumWeight(48L * 1024 * 1024)
            .weigher((String key, byte[] bytes) -> bytes.length)
            .build();

    /** {@code width} must be one of {@link #WIDTHS}; the file's bytes have been checked. */
    public byte[] of(String sha256, Evidence.Served file, int width) {
        if (!WIDTHS.contains(width)) {
            throw new IllegalArgumentException("no thumbnail " + width + " wide");
        }
        return drawn.get(sha256 + "/" + width, key -> draw(file, width));
    }

    private static byte[] draw(Evidence.Served file, int width) {
        try {
            BufferedImage picture =
                    Sanitized.PDF.equals(file.mediaType()) ? firstPage(file.bytes(), width) : decode(file);
            return Rasters.jpeg(Rasters.fit(picture, longSide(picture, width), 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage decode(Evidence.Served file) throws IOException {
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(file.bytes()));
        if (picture == null) {
            throw new IOException("no decoder for " + file.mediaType());
        }
        return picture;
    }

    private static BufferedImage firstPage(byte[] pdf, int width) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float scale = width / Math.max(1f, document.getPage(0).getCropBox().getWidth());
            return new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
        }
    }

    /** The long side that makes the picture {@code width} wide (never wider than it is). */
    private static int longSide(BufferedImage picture, int width) {
        int target = Math.min(width, picture.getWidth());
        return Math.max(1, (int)
                Math.round((double) target * Math.max(picture.getWidth(), picture.getHeight()) / picture.getWidth()));
    }
}
