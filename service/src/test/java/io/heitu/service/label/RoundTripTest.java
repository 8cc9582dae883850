package io.heitu.service.label;

import static io.heitu.service.qr.Fixtures.GTIN;
import static io.heitu.service.qr.Fixtures.HOST;
import static io.heitu.service.qr.Fixtures.LOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.heitu.service.qr.CodeCheck;
import io.heitu.service.qr.CodeFinding;
import io.heitu.service.qr.CodeSigner;
import io.heitu.service.qr.CodeVerifier;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Fixtures;
import io.heitu.service.qr.QrAlgorithm;
import io.heitu.service.qr.Serials;
import io.heitu.service.qr.SignedLink;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue → print → scan → check, the way a shopper's phone meets a code. */
class RoundTripTest {

    private final CodeVerifier verifier = Fixtures.verifier();

    static Stream<Arguments> codes() {
        return Stream.of(QrAlgorithm.values())
                .flatMap(algorithm -> Stream.of(
                        Arguments.of(algorithm, DigitalLink.ofLot(GTIN, LOT)),
                        Arguments.of(algorithm, DigitalLink.ofUnit(GTIN, LOT, Serials.next()))));
    }

    @Nested
    class FromThePng {

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("io.heitu.service.label.RoundTripTest#codes")
        void a_decoded_code_parses_back_and_is_genuine(QrAlgorithm algorithm, DigitalLink link) {
            String uri = new CodeSigner(Fixtures.farmKey(algorithm)).sign(link).toUri(HOST);

            String scanned = LabelDecoder.decode(QrRenderer.png(uri, 300, ErrorCorrectionLevel.M));
            CodeCheck verification = verifier.verify(scanned);

            assertThat(scanned).isEqualTo(uri);
            assertThat(SignedLink.parse(scanned).link()).isEqualTo(link);
            assertThat(verification.finding()).isEqualTo(CodeFinding.GENUINE);
        }

        @ParameterizedTest(name = "error correction {0}")
        @EnumSource(ErrorCorrectionLevel.class)
        void every_one_of_many_random_unit_codes_reads_back_from_its_png(ErrorCorrectionLevel level) {
            // ZXing's finder search alone missed about one clean rendering in thirty.
            CodeSigner signer = new CodeSigner(Fixtures.farmKey(QrAlgorithm.ED25519));
            for (int i = 0; i < 200; i++) {
                String uri = signer.sign(DigitalLink.ofUnit(GTIN, LOT, Serials.next()))
                        .toUri(HOST);
                assertThat(LabelDecoder.decode(QrRenderer.png(uri, 300, level))).isEqualTo(uri);
            }
        }
    }

    @Nested
    class FromAPhonePhoto {

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("io.heitu.service.label.RoundTripTest#codes")
        void a_scaled_rotated_noisy_jpeg_of_the_label_still_verifies(QrAlgorithm algorithm, DigitalLink link)
                throws IOException {
            String uri = new CodeSigner(Fixtures.farmKey(algorithm)).sign(link).toUri(HOST);

            byte[] photo = photograph(QrRenderer.png(uri, 400, ErrorCorrectionLevel.M), 6.5, 0.7, 42);

            assertThat(verifier.verify(LabelDecoder.decode(photo)).finding()).isEqualTo(CodeFinding.GENUINE);
        }
    }

    /**
     * A phone photo of a printed label: the code on a grey background with a margin, turned a few
     * degrees, scaled down, with sensor noise, saved as a JPEG.
     */
    static byte[] photograph(byte[] png, double degrees, double scale, long seed) throws IOException {
        BufferedImage label = ImageIO.read(new ByteArrayInputStream(png));
        int margin = label.getWidth() / 3;
        int side = (int) ((label.getWidth() + 2 * margin) * scale);
        BufferedImage photo = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = photo.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(new Color(0x8a8478));
        graphics.fillRect(0, 0, side, side);
        graphics.rotate(Math.toRadians(degrees), side / 2.0, side / 2.0);
        graphics.scale(scale, scale);
        graphics.drawImage(label, margin, margin, null);
        graphics.dispose();

        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int rgb = photo.getRGB(x, y);
                int noise = (int) (random.nextGaussian() * 18);
                int r = clamp(((rgb >> 16) & 0xff) + noise);
                int g = clamp(((rgb >> 8) & 0xff) + noise);
                int b = clamp((rgb & 0xff) + noise);
                photo.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", out);
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
