package io.heitu.service.label;

import static io.heitu.service.qr.DigitalLinkTest.assertError;
import static io.heitu.service.qr.Fixtures.FARM_ED25519;
import static io.heitu.service.qr.Fixtures.HOST;
import static io.heitu.service.qr.Fixtures.LOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.label.LabelText.DateKind;
import io.heitu.service.qr.CodeFinding;
import io.heitu.service.qr.CodeSigner;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Fixtures;
import io.heitu.service.qr.QrException.Error;
import io.heitu.service.qr.Serials;
import io.heitu.service.qr.SignedLink;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabelSheetTest {

    static final LabelText CERTIFIED_RICE =
            new LabelText("舒兰大米", "Shulan rice, 5 kg", DateKind.HARVEST, LocalDate.of(2026, 10, 5), true);
    static final LabelText UNCERTIFIED_RICE =
            new LabelText("舒兰大米", "Shulan rice, 5 kg", DateKind.HARVEST, LocalDate.of(2026, 10, 5), false);

    static List<String> codes(int count) {
        CodeSigner signer = new CodeSigner(FARM_ED25519);
        return Serials.batch(count).stream()
                .map(serial -> signer.sign(Fixtures.unit(serial)).toUri(HOST))
                .toList();
    }

    @Nested
    class Pages {

        @Test
        void fills_a4_pages_with_the_layouts_labels() throws IOException {
            byte[] pdf = LabelSheet.a4(LabelLayout.A4_3X8).render(codes(30), CERTIFIED_RICE, done -> {});

            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isEqualTo(2);
                for (PDPage page : document.getPages()) {
                    assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                    assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
                }
            }
        }

        @ParameterizedTest
        @EnumSource(LabelLayout.class)
        void uses_as_many_pages_as_the_layout_needs(LabelLayout layout) throws IOException {
            int count = layout.perPage() + 1;

            byte[] pdf = LabelSheet.a4(layout).render(codes(count), CERTIFIED_RICE, done -> {});

            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isEqualTo(2);
            }
        }

        @Test
        void reports_progress_label_by_label_up_to_the_total() {
            List<Integer> progress = new ArrayList<>();

            LabelSheet.a4(LabelLayout.A4_4X10).render(codes(85), CERTIFIED_RICE, progress::add);

            assertThat(progress).hasSize(85).isSorted().startsWith(1).endsWith(85);
        }
    }

    @Nested
    class Text {

        @Test
        void prints_the_product_names_lot_serial_date_and_certificate() throws IOException {
            List<String> codes = codes(2);

            String text = text(LabelSheet.a4(LabelLayout.A4_3X8).render(codes, CERTIFIED_RICE, done -> {}));

            assertThat(text)
                    .contains("舒兰大米")
                    .contains("Shulan rice, 5 kg")
                    .contains(LOT)
                    .contains(SignedLink.parse(codes.get(0)).link().serial())
                    .contains("2026-10-05")
                    .contains(LabelText.CERTIFICATE);
        }

        @Test
        void leaves_out_the_certificate_when_the_lot_has_none() throws IOException {
            String text = text(LabelSheet.a4(LabelLayout.A4_3X8).render(codes(2), UNCERTIFIED_RICE, done -> {}));

            assertThat(text).contains("舒兰大米").doesNotContain(LabelText.CERTIFICATE);
        }

        @ParameterizedTest
        @EnumSource(LabelLayout.class)
        void keeps_a_20_character_lot_and_a_serial_whole_on_every_layout(LabelLayout layout) throws IOException {
            String lot = "R5-2026-1005-WUCHANG";
            String code = new CodeSigner(FARM_ED25519)
                    .sign(DigitalLink.ofUnit(Fixtures.GTIN, lot, "7KQ2M9XW4HJD"))
                    .toUri(HOST);

            String text = text(LabelSheet.a4(layout).render(List.of(code), CERTIFIED_RICE, done -> {}));

            assertThat(text).contains(lot).contains("7KQ2M9XW4HJD").contains("2026-10-05");
        }

        @Test
        void cuts_a_name_too_long_for_the_label_with_an_ellipsis() throws IOException {
            LabelText longName = new LabelText("吉林省抚松县长白山人参".repeat(3), null, null, null, false);

            String text = text(LabelSheet.a4(LabelLayout.A4_4X10).render(codes(1), longName, done -> {}));

            assertThat(text).contains("吉林省").contains("…").doesNotContain(longName.productNameZh());
        }
    }

    @Nested
    class Codes {

        @Test
        void the_printed_code_scans_back_to_a_genuine_code() throws IOException {
            List<String> codes = codes(1);
            byte[] pdf = LabelSheet.a4(LabelLayout.A4_2X5).render(codes, CERTIFIED_RICE, done -> {});

            try (PDDocument document = Loader.loadPDF(pdf)) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(page, "png", png);

                String scanned = LabelDecoder.decode(png.toByteArray());

                assertThat(scanned).isEqualTo(codes.get(0));
                assertThat(Fixtures.verifier().verify(scanned).finding()).isEqualTo(CodeFinding.GENUINE);
            }
        }

        @Test
        void refuses_a_code_that_is_not_a_digital_link() {
            assertError(
                    () -> LabelSheet.a4(LabelLayout.A4_3X8)
                            .render(List.of("https://example.com/"), CERTIFIED_RICE, d -> {}),
                    Error.INVALID_DIGITAL_LINK);
        }

        @Test
        void refuses_an_empty_sheet() {
            assertError(
                    () -> LabelSheet.a4(LabelLayout.A4_3X8).render(List.of(), CERTIFIED_RICE, d -> {}),
                    Error.LIMIT_EXCEEDED);
        }
    }

    @Test
    void says_which_font_is_missing() {
        LabelSheet sheet = LabelSheet.a4(LabelLayout.A4_3X8).withFont(Path.of("/nonexistent/font.ttc"));

        assertError(() -> sheet.render(codes(1), CERTIFIED_RICE, d -> {}), Error.FONT_NOT_FOUND);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
