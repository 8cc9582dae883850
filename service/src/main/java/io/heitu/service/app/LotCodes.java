package io.heitu.service.app;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lot codes as farmers type them, and as the app suggests them. A GS1 lot (AI 10) is 1–20
 * characters of GS1's set 82 (letters, digits and some punctuation): no Chinese, no spaces. A
 * Chinese keyboard in full-width mode types ＳＬ２０２６－１, which is folded to SL2026-1 (NFKC)
 * rather than refused; anything still outside the set is refused with words saying so. A lot left
 * blank is named after its plot and harvest date, e.g. {@code SL-PLOT-07-260928}.
 */
final class LotCodes {

    static final int MAX = 20;
    private static final Pattern SET_82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1," + MAX + "}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    /** Room for "-yyMMdd" and a "-9" suffix. */
    private static final int PLOT_PART = MAX - 7 - 2;

    private LotCodes() {}

    /** The typed code, folded to ASCII where a full-width form was typed, trimmed; empty stays empty. */
    static String fold(String typed) {
        if (typed == null) {
            return "";
        }
        return Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replace('\u3000', ' ')
                .strip();
    }

    static boolean valid(String code) {
        return SET_82.matcher(code).matches();
    }

    /** {@code <plot>-<yyMMdd>}: the plot's id in capitals, letters, digits and hyphens only, shortened to fit. */
    static String suggest(String plotId, LocalDate day) {
        String plot = plotId == null ? "" : plotId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
        plot = plot.replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (plot.length() > PLOT_PART) {
            plot = plot.substring(plot.length() - PLOT_PART).replaceAll("^-", "");
        }
        String date = DAY.format(day);
        return plot.isEmpty() ? "LOT-" + date : plot + "-" + date;
    }

    /** The {@code n}th alternative of a suggestion taken already: {@code …-2}, {@code …-3}. */
    static String alternative(String suggestion, int n) {
        return suggestion + "-" + n;
    }
}
