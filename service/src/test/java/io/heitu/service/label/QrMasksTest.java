package io.heitu.service.label;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import io.heitu.service.qr.CodeSigner;
import io.heitu.service.qr.Fixtures;
import io.heitu.service.qr.Serials;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QrMasksTest {

    @ParameterizedTest
    @EnumSource(ErrorCorrectionLevel.class)
    void gives_the_symbol_zxing_gives_for_every_version(ErrorCorrectionLevel level) throws WriterException {
        Random random = new Random(level.ordinal());
        for (int length = 1; length < 1200; length += 1 + length / 6) {
            String content = randomText(random, length);

            QRCode ours = QrMasks.encode(content, level, Map.of());
            QRCode zxing = Encoder.encode(content, level);

            assertThat(ours.getVersion()).isEqualTo(zxing.getVersion());
            assertThat(ours.getMaskPattern())
                    .as("mask for %d characters", length)
                    .isEqualTo(zxing.getMaskPattern());
            assertThat(ours.getMatrix().getArray())
                    .isDeepEqualTo(zxing.getMatrix().getArray());
        }
    }

    @Test
    void gives_the_symbol_zxing_gives_for_signed_codes() throws WriterException {
        CodeSigner signer = new CodeSigner(Fixtures.FARM_ED25519);
        for (int i = 0; i < 200; i++) {
            String uri = signer.sign(Fixtures.unit(Serials.next())).toUri(Fixtures.HOST);

            assertThat(QrMasks.encode(uri, ErrorCorrectionLevel.M, Map.of())
                            .getMatrix()
                            .getArray())
                    .isDeepEqualTo(Encoder.encode(uri, ErrorCorrectionLevel.M)
                            .getMatrix()
                            .getArray());
        }
    }

    @Test
    void writes_the_format_information_of_the_standard() {
        // ISO 18004 table C.1: level M with mask 0 is the bare mask pattern, level L with mask 0 is 0x77C4.
        assertThat(QrMasks.typeInfoBits(ErrorCorrectionLevel.M, 0)).isEqualTo(0x5412);
        assertThat(QrMasks.typeInfoBits(ErrorCorrectionLevel.L, 0)).isEqualTo(0x77C4);
        assertThat(QrMasks.typeInfoBits(ErrorCorrectionLevel.H, 7)).isEqualTo(0x083B);
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }
}
