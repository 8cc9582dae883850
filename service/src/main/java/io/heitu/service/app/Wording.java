package io.heitu.service.app;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

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
    String quantity(JsonNode quantity) {
        if (quantity == null || quantity.isMissingNode() || quantity.isNull()) {
            return "";
        }
        return quantity.path("value").asString("") + " "
                + word("uom", quantity.path("uom").asString(""));
    }

    /** A ledger time (UTC) as China's wall-clock time. */
    String time(String instant) {
        if (instant == null || instant.isEmpty()) {
            return "";
        }
        return Instant.parse(instant).atOffset(FormErrors.CHINA).format(WHEN);
    }
}
