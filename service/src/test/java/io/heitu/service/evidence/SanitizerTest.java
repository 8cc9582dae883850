package io.heitu.service.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.service.problem.ApiException;
import io.heitu.service.support.Pictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SanitizerTest {

    private final Sanitizer sanitizer = new Sanitizer(40_000_000, 1600, 10);

    @Nested
    class Pictures_ {

        @Test
        void a_large_photo_comes_out_at_most_the_long_side_as_a_jpeg_whatever_it_came_in_as() throws IOException {
            Sanitized clean = sanitizer.sanitize(Pictures.png(4000, 3000), false);

            assertThat(clean.mediaType()).isEqualTo("image/jpeg");
            assertThat(Sanitizer.sniff(clean.bytes())).isEqualTo("image/jpeg");
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
            assertThat(picture.getWidth()).isEqualTo(1600).isEqualTo(clean.width());
            assertThat(picture.getHeight()).isEqualTo(1200).isEqualTo(clean.height());
            assertThat(clean.pages()).isNull();
        }

        @Test
        void the_same_upload_comes_out_as_the_same_bytes_so_under_the_same_hash() {
            byte[] upload = Pictures.png(2400, 1800);

            assertThat(sanitizer.sanitize(upload, false).bytes())
                    .isEqualTo(sanitizer.sanitize(upload, false).bytes());
        }

        @Test
        void a_small_photo_keeps_its_size_and_loses_its_metadata() {
            byte[] upload = Pictures.jpegWithExif(300, 100, "secret place");
            Sanitized clean = sanitizer.sanitize(upload, false);

            assertThat(clean.width()).isEqualTo(100);
            assertThat(clean.height()).isEqualTo(300);
            assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1))
                    .doesNotContain("Exif")
                    .doesNotContain("secret place");
        }

        @Test
        void a_picture_over_the_pixel_budget_is_refused_from_its_header_before_decoding() {
            Sanitizer tight = new Sanitizer(1_000_000, 1600, 10);

            assertThatThrownBy(() -> tight.sanitize(Pictures.bilevelPng(1001, 1000), false))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo("EVIDENCE_TOO_LARGE"));
            assertThat(tight.sanitize(Pictures.bilevelPng(1000, 1000), false).width())
                    .isEqualTo(1000);
        }
    }

    @Test
    void what_the_bytes_are_is_read_from_the_bytes() {
        assertThat(Sanitizer.sniff(Pictures.png(2, 2))).isEqualTo("image/png");
        assertThat(Sanitizer.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(Sanitizer.sniff("<svg>".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(Sanitizer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
        assertThatThrownBy(() -> sanitizer.sanitize("GIF89a".getBytes(StandardCharsets.US_ASCII), true))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("EVIDENCE_UNREADABLE"));
        assertThatThrownBy(() -> sanitizer.sanitize("%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII), true))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("EVIDENCE_UNREADABLE"));
    }

    @Test
    void every_exif_orientation_ends_upright() {
        // A 4 × 2 picture red on its left half: each orientation moves the red half to a known side.
        BufferedImage wide = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                wide.setRGB(x, y, 0xFF0000);
            }
        }
        assertThat(Rasters.turn(wide, 1)).isSameAs(wide);
        assertThat(red(Rasters.turn(wide, 2), 3, 0)).isTrue();
        assertThat(red(Rasters.turn(wide, 3), 3, 1)).isTrue();
        BufferedImage six = Rasters.turn(wide, 6);
        assertThat(six.getWidth()).isEqualTo(2);
        assertThat(six.getHeight()).isEqualTo(4);
        assertThat(red(six, 0, 0)).isTrue();
        assertThat(red(six, 0, 3)).isFalse();
        BufferedImage eight = Rasters.turn(wide, 8);
        assertThat(red(eight, 0, 3)).isTrue();
        assertThat(red(eight, 0, 0)).isFalse();
    }

    private static boolean red(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xFFFFFF) == 0xFF0000;
    }
}
