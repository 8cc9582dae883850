package io.heitu.service.app;

import io.heitu.service.ledger.wire.EpcisEvent;
import io.heitu.service.ledger.wire.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Ledger words (units, steps, times) in the page's language; unknown words are shown as they are. */
@Component
class Wording {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final BigDecimal JIN_PER_KG = BigDecimal.valueOf(2);

    private final MessageSource messages;
    private final Units units;

    Wording(MessageSource messages, Units units) {
        this.messages = messages;
        this.units = units;
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    String word(String prefix, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return messages.getMessage(prefix + "." + value, null, value, LocaleContextHolder.getLocale());
    }

    /**
     * {"value":1300,"uom":"H87"} as "1300 件"; a weight in the unit the user enters ({@link Units}):
     * {"value":1000,"uom":"KGM"} as "2000 斤" for a farmer who weighs in 斤.
     */
    String quantity(Quantity quantity) {
        if (quantity == null) {
            return "";
        }
        if ("KGM".equals(quantity.uom()) && quantity.value() != null && Units.JIN.equals(units.weight())) {
            return quantity.value().multiply(JIN_PER_KG).stripTrailingZeros().toPlainString() + " "
                    + word("uom", Units.JIN);
        }
        return quantity.amount() + " " + word("uom", quantity.uom() == null ? "" : quantity.uom());
    }

    /**
     * The step an event records, as the pages name it: a hold, release or recall as such (their CBV
     * step is {@code holding} for all three, and a recall must never read as a hold), else the
     * transformation, else the origin, else the CBV step.
     */
    String step(EpcisEvent event) {
        return word("step", firstOf(event.statusAction(), event.transformationKind(), event.origin(), event.bizStep()));
    }

    private static String firstOf(String... words) {
        for (String word : words) {
            if (word != null && !word.isEmpty()) {
                return word;
            }
        }
        return "";
    }

    /** A ledger time (UTC) as China's wall-clock time. */
    String time(String instant) {
        if (instant == null || instant.isEmpty()) {
            return "";
        }
        return Instant.parse(instant).atOffset(FormErrors.CHINA).format(WHEN);
    }
}
