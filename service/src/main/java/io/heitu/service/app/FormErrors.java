package io.heitu.service.app;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server-side checks of a submitted form, field by field, before anything reaches the ledger. Each
 * failure is a message key (app*.properties) shown beside its field; the browser's HTML5
 * constraints catch most of these as people type, these catch the rest and anything sent without a
 * browser. The chaincode checks everything again.
 */
final class FormErrors {

    /** China keeps one time zone and no daylight saving: a farmer's "09:00" is 09:00+08:00. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** Now, as a {@code datetime-local} input shows it. */
    static String now() {
        return LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.MINUTES).format(LOCAL);
    }

    String required(String field, String value) {
        if (value == null || value.isBlank()) {
            reject(field, "form.error.required");
            return null;
        }
        return value.strip();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    BigDecimal positive(String field, String value) {
        String text = required(field, value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.signum() <= 0) {
                reject(field, "form.error.positive");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            reject(field, "form.error.number");
            return null;
        }
    }

    /** Any number, e.g. a longitude; empty when the field is. */
    BigDecimal number(String field, String value) {
        if (optional(value) == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            reject(field, "form.error.number");
            return null;
        }
    }

    BigDecimal nonNegative(String field, String value) {
        String text = required(field, value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.signum() < 0) {
                reject(field, "form.error.nonNegative");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            reject(field, "form.error.number");
            return null;
        }
    }

    LotKey lot(String field, String value) {
        if (required(field, value) == null) {
            return null;
        }
        return LotKey.parse(value).orElseGet(() -> {
            reject(field, "form.error.lot");
            return null;
        });
    }

    /** A {@code datetime-local} value as the ledger's ISO-8601 time with offset; not in the future. */
    String time(String field, String value) {
        String text = required(field, value);
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.length() == 16 ? text + ":00" : text);
            if (local.isAfter(LocalDateTime.now(CHINA).plusMinutes(5))) {
                reject(field, "form.error.future");
                return null;
            }
            return local.atOffset(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            reject(field, "form.error.time");
            return null;
        }
    }

    void reject(String field, String messageKey) {
        byField.putIfAbsent(field, messageKey);
    }

    boolean any() {
        return !byField.isEmpty();
    }

    Map<String, String> asMap() {
        return Map.copyOf(byField);
    }

    /** The failures as the templates mark them. */
    FieldErrors view() {
        return FieldErrors.of(byField);
    }
}
