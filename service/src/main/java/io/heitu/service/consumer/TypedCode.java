package io.heitu.service.consumer;

import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Gs1;
import io.heitu.service.qr.Issuances;
import io.heitu.service.qr.QrException;
import io.heitu.service.qr.SignedLink;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Reads a code typed by hand. A Chinese keyboard may type full-width characters (ＳＬ２０２６－１),
 * so the text is folded to ASCII (NFKC) first; spaces people put between digit groups are dropped.
 */
final class TypedCode {

    private TypedCode() {}

    /**
     * The code issued here for what was typed: a pasted link as it is, else GTIN, lot and serial.
     *
     * @throws QrException when the GTIN, lot or serial cannot be one (bad check digit, characters)
     */
    static Optional<String> find(String gtin, String lot, String serial, Issuances issuances) {
        String first = fold(gtin);
        if (first.contains("/01/")) {
            SignedLink link = SignedLink.parse(
                    first.startsWith("http") ? first : "https://x" + first.substring(first.indexOf("/01/")));
            return Optional.of(link.toUri("localhost"));
        }
        String gtin14 = Gs1.gtin14(first.replace(" ", ""));
        String lotCode = Gs1.lot(fold(lot));
        String sn = fold(serial).replace(" ", "");
        DigitalLink code = sn.isEmpty() ? DigitalLink.ofLot(gtin14, lotCode) : DigitalLink.ofUnit(gtin14, lotCode, sn);
        return issuances.typed(code.gtin(), code.lot(), code.serial());
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('\u3000', ' ')
                .strip();
    }
}
