package io.heitu.service.consumer;

import io.heitu.service.lot.page.LotPage;
import io.heitu.service.lot.page.Quantities;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Formatting for the page's template in one language: times in China's time zone, weights in kg
 * with 斤 beside, names in the page's language, and words for the ledger's codes (a code the texts
 * do not know is shown as it is rather than as a missing-text marker).
 */
public final class PageFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final Locale locale;
    private final boolean english;

    PageFormat(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.english = "en".equals(locale.getLanguage());
    }

    public String time(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(Quantities.CHINA));
    }

    /** Whether a certificate has lapsed as of today in China. */
    public boolean lapsed(LotPage.Certificate certificate) {
        return certificate.lapsed(LocalDate.now(Quantities.CHINA));
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    /** {@code 10800 kg（21600 斤）}, {@code 400 件}. */
    public String quantity(LotPage.Quantity quantity) {
        if (quantity == null) {
            return "";
        }
        if (quantity.kg() != null) {
            return english
                    ? quantity.kg() + " kg (" + quantity.jin() + " jin)"
                    : quantity.kg() + " kg（" + quantity.jin() + " 斤）";
        }
        return quantity.value() + " " + word("uom", quantity.uom());
    }

    public String org(LotPage.Org org) {
        if (org == null) {
            return "";
        }
        return english && org.nameEn() != null ? org.nameEn() : org.nameZh();
    }

    public String name(String zh, String en) {
        return english && en != null ? en : zh == null ? "" : zh;
    }

    /** The text for {@code group.code}, or the code itself. */
    public String word(String group, String code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(group + "." + code, null, code, locale);
    }

    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** A lab test's name in the page's language only ({@code 毒死蜱 chlorpyrifos} → 毒死蜱 or chlorpyrifos). */
    public String analyte(String written) {
        return Analytes.name(written, english);
    }

    /**
     * Why the verdict is what it is, in words; null where the verdict's own text says it all. Never
     * a code: a certificate is named by its type, a scan pattern by its count.
     */
    public String reason(Resolution r) {
        String reason = r.reason();
        return switch (r.verdict()) {
            case RECALLED, ON_HOLD, FROZEN -> reason;
            case CERTIFICATE_EXPIRED -> certificateLapsed(r);
            case SUSPICIOUS ->
                r.scans() == null
                        ? null
                        : reason != null && reason.endsWith("AFTER_SOLD_OUT")
                                ? text("page.reason.afterSoldOut", r.scans().clientsAfterSoldOut())
                                : text(
                                        "page.reason.places",
                                        r.scans().places(),
                                        r.scans().days());
            case UNKNOWN_CODE -> text("page.reason." + (reason == null ? "UNKNOWN" : reason));
            default -> null;
        };
    }

    private String certificateLapsed(Resolution r) {
        if (r.page() == null) {
            return null;
        }
        return r.page().certificates().stream()
                .filter(c -> c.number().equals(r.reason()))
                .findFirst()
                .map(c -> text("page.reason.certificate", word("cert", c.type())))
                .orElse(null);
    }

    /** "已被查询 3 次" or "This code has been checked once": counts with their plural. */
    public String scans(Scans.Stats stats) {
        return stats == null ? text("page.scans.none") : text("page.scans.count", stats.count());
    }

    /** Which ledger, in words. */
    public String ledgerKind(String kind) {
        return text("ledger." + kind);
    }

    /** Block hashes and transaction ids are long: the start and end are enough to compare by eye. */
    public String shortHash(String hash) {
        return hash == null || hash.length() <= 20
                ? hash
                : hash.substring(0, 10) + "…" + hash.substring(hash.length() - 8);
    }
}
