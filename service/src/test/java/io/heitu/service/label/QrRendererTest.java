package io.heitu.service.label;

import static io.heitu.service.qr.Fixtures.FARM_ED25519;
import static io.heitu.service.qr.Fixtures.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import io.heitu.service.qr.CodeSigner;
import io.heitu.service.qr.Fixtures;
import io.heitu.service.qr.QrException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class QrRendererTest {

    static final String CODE =
            new CodeSigner(FARM_ED25519).sign(Fixtures.unit("7KQ2M9XW4HJD")).toUri(HOST);

    @Nested
    class Png {

        @Test
        void is_a_png_of_the_requested_size() throws IOException {
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(QrRenderer.png(CODE, 300, ErrorCorrectionLevel.M)));

            assertThat(image.getWidth()).isEqualTo(300);
            assertThat(image.getHeight()).isEqualTo(300);
        }

        @ParameterizedTest
        @EnumSource(ErrorCorrectionLevel.class)
        void decodes_back_to_the_content_at_every_error_correction_level(ErrorCorrectionLevel level) {
            assertThat(LabelDecoder.decode(QrRenderer.png(CODE, 400, level))).isEqualTo(CODE);
        }

        @Test
        void keeps_a_quiet_zone_of_four_modules() throws IOException {
            int modules = QrRenderer.matrix(CODE, ErrorCorrectionLevel.M).getWidth();
            int size = (modules + 8) * 3;
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(QrRenderer.png(CODE, size, ErrorCorrectionLevel.M)));

            for (int i = 0; i < size; i++) {
                for (int border = 0; border < 12; border++) {
                    assertThat(image.getRGB(i, border) & 0xffffff).isEqualTo(0xffffff);
                    assertThat(image.getRGB(border, i) & 0xffffff).isEqualTo(0xffffff);
                }
            }
            assertThat(image.getRGB(12, 12) & 0xffffff)
                    .as("finder pattern corner")
                    .isZero();
        }

        @Test
        void grows_to_one_pixel_per_module_when_asked_for_less() throws IOException {
            int modules = QrRenderer.matrix(CODE, ErrorCorrectionLevel.M).getWidth();
            BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(QrRenderer.png(CODE, 10, ErrorCorrectionLevel.M)));

            assertThat(image.getWidth()).isEqualTo(modules + 8);
        }
    }

    @Nested
    class Svg {

        private final String svg = QrRenderer.svg(CODE, 256, ErrorCorrectionLevel.M);

        @Test
        void is_well_formed_xml_with_one_module_per_user_unit() throws Exception {
            Element root = parse(svg).getDocumentElement();
            int modules = 17 + 4 * QrRenderer.version(CODE, ErrorCorrectionLevel.M);

            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + (modules + 8) + " " + (modules + 8));
            assertThat(root.getAttribute("width")).isEqualTo("256");
            assertThat(root.getElementsByTagName("image").getLength()).isZero();
        }

        @Test
        void draws_exactly_the_dark_modules() throws IOException {
            ByteMatrix matrix = QrRenderer.matrix(CODE, ErrorCorrectionLevel.M);
            int size = matrix.getWidth() + 8;
            boolean[][] drawn = new boolean[size][size];
            Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg);
            while (run.find()) {
                int x = Integer.parseInt(run.group(1));
                int y = Integer.parseInt(run.group(2));
                for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                    assertThat(drawn[y][x + i]).as("drawn twice").isFalse();
                    drawn[y][x + i] = true;
                }
            }

            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean dark = x >= 4 && y >= 4 && x < size - 4 && y < size - 4 && matrix.get(x - 4, y - 4) == 1;
                    assertThat(drawn[y][x]).as("module %d,%d", x, y).isEqualTo(dark);
                }
            }
            assertThat(LabelDecoder.decode(raster(drawn, 6))).isEqualTo(CODE);
        }
    }

    @Nested
    class Limits {

        @Test
        void a_signed_unit_code_fits_a_version_10_symbol_at_level_m() {
            assertThat(QrRenderer.version(CODE, ErrorCorrectionLevel.M)).isLessThanOrEqualTo(10);
        }

        @Test
        void refuses_content_too_long_for_any_qr_code() {
            assertThatThrownBy(() -> QrRenderer.png("x".repeat(3000), 300, ErrorCorrectionLevel.H))
                    .isInstanceOfSatisfying(
                            QrException.class,
                            e -> assertThat(e.error()).isEqualTo(QrException.Error.INVALID_ARGUMENT));
        }

        @Test
        void refuses_a_size_of_zero_or_beyond_the_maximum() {
            assertThatThrownBy(() -> QrRenderer.png(CODE, 0, ErrorCorrectionLevel.M))
                    .isInstanceOf(QrException.class);
            assertThatThrownBy(() -> QrRenderer.svg(CODE, QrRenderer.MAX_SIZE + 1, ErrorCorrectionLevel.M))
                    .isInstanceOf(QrException.class);
        }
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static byte[] raster(boolean[][] dark, int scale) throws IOException {
        int size = dark.length * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, dark[y / scale][x / scale] ? 0 : 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
