package io.heitu.service.app;

import io.heitu.service.ledger.wire.EpcisEvent;
import io.heitu.service.ledger.wire.Quantity;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Ledger words (units, steps, times) in the page's language; unknown words are shown as they are. */
@Component
class Wording {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    Wording(MessageSource messages) {
        this.messages = messages;
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

    /** {"value":1300,"uom":"H87"} as "1300 件". */
    String quantity(Quantity quantity) {
        if (quantity == null) {
            return "";
        }
        return quantity.amount() + " " + word("uom", quantity.uom() == null ? "" : quantity.uom());
    }

    /** The step an event records, as the pages name it: the transformation, else the origin, else the CBV step. */
    String step(EpcisEvent event) {
        String kind = event.transformationKind();
        String origin = event.origin();
        String bizStep = event.bizStep();
        return word(
                "step",
                kind != null && !kind.isEmpty()
                        ? kind
                        : origin != null && !origin.isEmpty() ? origin : bizStep == null ? "" : bizStep);
    }

    /** A ledger time (UTC) as China's wall-clock time. */
    String time(String instant) {
        if (instant == null || instant.isEmpty()) {
            return "";
        }
        return Instant.parse(instant).atOffset(FormErrors.CHINA).format(WHEN);
    }
}
