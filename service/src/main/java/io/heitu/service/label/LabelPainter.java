package io.heitu.service.label;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import io.heitu.service.qr.DigitalLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws one label at a time for one document. The QR code is vector rectangles, one per run of
 * dark modules in a row, so it prints sharp at any resolution and costs no image per label.
 */
final class LabelPainter {

    /** Smallest a line shrinks to before it is cut: about 4.5 pt on the smallest labels. */
    private static final float MIN_SCALE = 0.7f;

    private final LabelLayout layout;
    private final ErrorCorrectionLevel level;
    private final PDType0Font font;
    private final float width;
    private final float height;
    private final float pad;
    private final float nameSize;
    private final float textSize;
    // Most labels of a sheet share their texts: fit each distinct line to the width once.
    private final Map<String, Fitted> fitted = new HashMap<>();

    LabelPainter(LabelLayout layout, ErrorCorrectionLevel level, PDType0Font font) {
        this.layout = layout;
        this.level = level;
        this.font = font;
        this.width = layout.labelWidth();
        this.height = layout.labelHeight();
        this.pad = Math.min(width, height) * 0.06f;
        this.nameSize = Math.min(16f, height * 0.105f);
        this.textSize = Math.min(11f, height * 0.075f);
    }

    /** Draws the label in slot {@code index} of the page. */
    void paint(PDPageContentStream page, int index, String code, LabelText text) throws IOException {
        float left = (index % layout.columns()) * width;
        float top = PDRectangle.A4.getHeight() - (index / layout.columns()) * height;
        DigitalLink link = DigitalLink.parse(code);
        float side = Math.min(height - 2 * pad, width / 2);
        drawCode(page, QrRenderer.matrix(code, level), left + pad, top - pad, side);

        float x = left + pad + side;
        float textWidth = left + width - pad - x;
        page.beginText();
        page.newLineAtOffset(x, top - pad - nameSize);
        show(page, text.productNameZh(), nameSize, textWidth);
        float lead = textSize * 1.3f;
        page.newLineAtOffset(0, -(nameSize * 0.35f + lead));
        for (String line : lines(link, text)) {
            show(page, line, textSize, textWidth);
            page.newLineAtOffset(0, -lead);
        }
        page.endText();
    }

    /** The lines under the Chinese name; lot and serial come from the code itself. */
    private static List<String> lines(DigitalLink link, LabelText text) {
        List<String> lines = new ArrayList<>();
        if (text.productNameEn() != null && !text.productNameEn().isBlank()) {
            lines.add(text.productNameEn());
        }
        // The lot is what a recall names: no English caption, so 20 characters fit the smallest label whole.
        lines.add("批号 " + link.lot());
        if (link.perUnit()) {
            lines.add("SN " + link.serial());
        }
        if (text.date() != null) {
            lines.add(text.dateKind().caption() + " " + text.date());
        }
        if (text.certified()) {
            lines.add(LabelText.CERTIFICATE);
        }
        return lines;
    }

    private void show(PDPageContentStream page, String line, float size, float maxWidth) throws IOException {
        Fitted fit = fit(line, size, maxWidth);
        page.setFont(font, fit.size());
        page.showText(fit.text());
    }

    /** The symbol with its quiet zone fills a square of {@code side} whose top-left is given. */
    private static void drawCode(PDPageContentStream page, ByteMatrix matrix, float left, float top, float side)
            throws IOException {
        float module = side / (matrix.getWidth() + 2 * QrRenderer.QUIET_ZONE);
        float origin = QrRenderer.QUIET_ZONE * module;
        page.saveGraphicsState();
        // Module units with y growing downwards: every rectangle is small integers in the stream.
        page.transform(new Matrix(module, 0, 0, -module, left + origin, top - origin));
        QrRenderer.<IOException>forEachRun(matrix, (x, y, length) -> page.addRect(x, y, length, 1));
        // One fill for the whole symbol, so viewers do not show seams between rows.
        page.fill();
        page.restoreGraphicsState();
    }

    /**
     * The line as it fits the width: first in a smaller size, down to {@link #MIN_SCALE} of it, so a
     * 20-character lot stays whole; then cut with an ellipsis. Glyphs the font lacks become '?'.
     */
    private Fitted fit(String line, float size, float maxWidth) {
        return fitted.computeIfAbsent(size + "|" + maxWidth + "|" + line, key -> {
            String printable = printable(line);
            float natural = width(printable, size);
            if (natural <= maxWidth) {
                return new Fitted(printable, size);
            }
            float smaller = size * maxWidth / natural;
            if (smaller >= size * MIN_SCALE) {
                return new Fitted(printable, smaller);
            }
            float smallest = size * MIN_SCALE;
            String cut = printable;
            while (cut.length() > 1 && width(cut + "…", smallest) > maxWidth) {
                cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
            }
            return new Fitted(cut + "…", smallest);
        });
    }

    private record Fitted(String text, float size) {}

    private String printable(String line) {
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(codePoint -> {
            String character = Character.toString(codePoint);
            out.append(encodable(character) ? character : "?");
        });
        return out.toString();
    }

    private boolean encodable(String character) {
        try {
            font.encode(character);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            return Float.MAX_VALUE;
        }
    }
}
