package io.heitu.service.label;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.heitu.service.qr.QrException;
import io.heitu.service.qr.QrException.Error;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Printable A4 sheets of QR labels: each label has its code, the product name in Chinese and
 * English, the lot (and serial) read from the code, the harvest or production date, and 承诺达标合格证
 * when the lot has that certificate. Immutable and thread-safe; each sheet is its own document.
 */
public final class LabelSheet {

    /** Most labels in one document: PDFBox holds a document in memory until it is saved. */
    public static final int MAX_LABELS = 20_000;

    private final LabelLayout layout;
    private final ErrorCorrectionLevel level;
    private final Path font;

    private LabelSheet(LabelLayout layout, ErrorCorrectionLevel level, Path font) {
        this.layout = layout;
        this.level = level;
        this.font = font;
    }

    /** Sheets of the layout, codes at error-correction M, in the first installed CJK font. */
    public static LabelSheet a4(LabelLayout layout) {
        return new LabelSheet(layout, ErrorCorrectionLevel.M, null);
    }

    /** Q or H survive a scuffed bag better, at the cost of denser codes. */
    public LabelSheet withErrorCorrection(ErrorCorrectionLevel errorCorrection) {
        return new LabelSheet(layout, errorCorrection, font);
    }

    /** A TrueType font or collection with CJK glyphs, instead of looking one up. */
    public LabelSheet withFont(Path fontFile) {
        return new LabelSheet(layout, level, fontFile);
    }

    public byte[] render(List<String> codes, LabelText text, IntConsumer progress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(codes.size() * 2048 + 65536);
        write(codes, text, out, progress);
        return out.toByteArray();
    }

    /**
     * Writes the PDF: one label per code, in order, filling pages row by row.
     *
     * @param codes signed Digital Link URIs, as they go into the QR codes
     * @param progress told the number of labels drawn after each one, ending with {@code codes.size()}
     */
    public void write(List<String> codes, LabelText text, OutputStream out, IntConsumer progress) {
        if (codes.isEmpty() || codes.size() > MAX_LABELS) {
            throw new QrException(Error.LIMIT_EXCEEDED, "a sheet has 1 to " + MAX_LABELS + " labels");
        }
        try (PDDocument document = new PDDocument();
                CjkFonts.Loaded loaded = CjkFonts.load(document, font != null ? font : CjkFonts.locate())) {
            LabelPainter painter = new LabelPainter(layout, level, loaded.font());
            for (int first = 0; first < codes.size(); first += layout.perPage()) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                int last = Math.min(codes.size(), first + layout.perPage());
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    for (int i = first; i < last; i++) {
                        painter.paint(stream, i - first, codes.get(i), text);
                        progress.accept(i + 1);
                    }
                }
            }
            document.getDocumentInformation().setTitle("QR labels");
            document.getDocumentInformation().setCreator("Heitu Trace");
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the label sheet", e);
        }
    }
}
