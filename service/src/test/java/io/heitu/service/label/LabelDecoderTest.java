package io.heitu.service.label;

import static io.heitu.service.qr.DigitalLinkTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.heitu.service.qr.QrException.Error;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LabelDecoderTest {

    @Test
    void reads_the_code_in_a_jpeg() throws IOException {
        byte[] photo =
                RoundTripTest.photograph(QrRenderer.png("https://q.heitu.cn/x", 300, ErrorCorrectionLevel.L), 0, 1, 1);

        assertThat(LabelDecoder.decode(photo)).isEqualTo("https://q.heitu.cn/x");
    }

    @Test
    void reads_a_code_in_a_large_photo() throws IOException {
        byte[] photo = RoundTripTest.photograph(
                QrRenderer.png("https://q.heitu.cn/y", 1200, ErrorCorrectionLevel.M), 3, 1.4, 7);

        assertThat(LabelDecoder.decode(photo)).isEqualTo("https://q.heitu.cn/y");
    }

    @Test
    void says_so_when_the_image_holds_no_code() throws IOException {
        BufferedImage blank = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);

        assertError(() -> LabelDecoder.decode(png.toByteArray()), Error.QR_CODE_NOT_FOUND);
    }

    @Test
    void refuses_bytes_that_are_no_image() {
        assertError(
                () -> LabelDecoder.decode("%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII)),
                Error.UNSUPPORTED_MEDIA_TYPE);
        assertError(() -> LabelDecoder.decode(new byte[0]), Error.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void refuses_an_image_whose_header_claims_too_many_pixels_before_decoding_it() {
        assertError(() -> LabelDecoder.decode(pngHeader(20_000, 20_000)), Error.LIMIT_EXCEEDED);
    }

    @Test
    void a_7000_pixel_16_bit_rgba_png_is_read_within_the_memory_budget_and_its_code_still_found() {
        byte[] deep = io.heitu.service.support.DeepPng.of(7000, 7000, "https://q.heitu.cn/z");
        // 392 MB of pixels at full size; the budget takes every 4th pixel of every 4th row.
        assertThat(LabelDecoder.step(7000, 7000, 8, LabelDecoder.MEMORY_BUDGET)).isEqualTo(4);
        assertThat(LabelDecoder.decode(deep)).isEqualTo("https://q.heitu.cn/z");
    }

    @Test
    void a_picture_within_the_budget_is_read_whole() {
        assertThat(LabelDecoder.step(3000, 2000, 4, LabelDecoder.MEMORY_BUDGET)).isEqualTo(1);
        assertThat(LabelDecoder.step(4000, 3000, 4, LabelDecoder.MEMORY_BUDGET)).isEqualTo(2);
        assertThat(LabelDecoder.step(8000, 6000, 3, LabelDecoder.MEMORY_BUDGET)).isEqualTo(3);
    }

    /** A PNG that is all header: it claims a size but carries no pixels. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put(new byte[4]);
        byte[] type = "IHDR".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 4 + 13 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13)
                .put(type)
                .put(ihdr.array())
                .putInt((int) crc.getValue())
                .array();
    }
}
