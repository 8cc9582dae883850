package io.heitu.service.label;

import io.heitu.service.qr.QrException;
import io.heitu.service.qr.QrException.Error;
import java.time.LocalDate;

/**
 * What a label says besides its code; the lot and serial are read from the code itself, so the
 * print cannot disagree with what a scan shows.
 *
 * @param productNameZh e.g. 舒兰大米
 * @param productNameEn e.g. Shulan rice, 5 kg; optional
 * @param dateKind whether {@code date} is a harvest or production date
 * @param date optional
 * @param certified whether the lot has a 承诺达标合格证 (commitment-to-compliance certificate)
 */
public record LabelText(
        String productNameZh, String productNameEn, DateKind dateKind, LocalDate date, boolean certified) {

    /** Longest product name printed; longer names are cut with an ellipsis to fit anyway. */
    public static final int NAME_MAX = 64;

    /** The words printed when the lot has the certificate. */
    public static final String CERTIFICATE = "承诺达标合格证";

    /** Which date a label shows, with its bilingual caption. */
    public enum DateKind {
        HARVEST("采收日期 Harvested"),
        PRODUCTION("生产日期 Produced");

        private final String caption;

        DateKind(String caption) {
            this.caption = caption;
        }

        public String caption() {
            return caption;
        }
    }

    public LabelText {
        if (productNameZh == null || productNameZh.isBlank() || productNameZh.length() > NAME_MAX) {
            throw new QrException(Error.INVALID_ARGUMENT, "a label has a Chinese product name of 1-" + NAME_MAX);
        }
        if (productNameEn != null && productNameEn.length() > NAME_MAX) {
            throw new QrException(Error.INVALID_ARGUMENT, "an English product name has at most " + NAME_MAX);
        }
        if (date != null && dateKind == null) {
            dateKind = DateKind.HARVEST;
        }
    }
}
