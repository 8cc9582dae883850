package io.heitu.service.label;

import io.heitu.service.qr.QrException;
import io.heitu.service.qr.QrException.Error;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font labels are printed in. PDFBox embeds a subset, so a sheet carries only the glyphs
 * it uses, and the font file must stay open until the document is saved.
 */
final class CjkFonts {

    /** Where Debian's {@code fonts-wqy-microhei} and {@code fonts-wqy-zenhei} put their fonts. */
    static final List<Path> KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

    private CjkFonts() {}

    /** The first known font that is installed. */
    static Path locate() {
        return KNOWN.stream()
                .filter(Files::isReadable)
                .findFirst()
                .orElseThrow(() -> new QrException(
                        Error.FONT_NOT_FOUND,
                        "no CJK font for labels: install fonts-wqy-microhei (apt-get) or configure one"));
    }

    /** A font loaded into one document; close it after the document is saved. */
    static Loaded load(PDDocument document, Path path) {
        if (!Files.isReadable(path)) {
            throw new QrException(Error.FONT_NOT_FOUND, "the label font " + path + " is not readable");
        }
        try {
            if (path.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(font -> {
                    if (first[0] == null) {
                        first[0] = font;
                    }
                });
                return new Loaded(PDType0Font.load(document, first[0], true), collection);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
            return new Loaded(PDType0Font.load(document, font, true), font);
        } catch (IOException | RuntimeException e) {
            throw new QrException(Error.FONT_NOT_FOUND, "the label font " + path + " does not load", e);
        }
    }

    /** The document's font and the file behind it. */
    record Loaded(PDType0Font font, Closeable source) implements Closeable {
        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
