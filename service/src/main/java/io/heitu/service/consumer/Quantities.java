package io.heitu.service.consumer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** The ledger's numbers, dates and times as the page shows them: kg with 斤 beside, China time. */
final class Quantities {

    /** China Standard Time; no daylight saving, so a fixed offset. */
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static final BigDecimal JIN_PER_KG = BigDecimal.valueOf(2);

    private Quantities() {}

    /** {@code {"value","uom"}} as the chaincode writes quantities. */
    static LotPage.Quantity of(JsonNode quantity) {
        if (quantity == null || quantity.isMissingNode() || quantity.isNull()) {
            return null;
        }
        return of(quantity.path("value"), quantity.path("uom").asString());
    }

    static LotPage.Quantity of(JsonNode value, String uom) {
        if (!value.isNumber()) {
            return null;
        }
        BigDecimal number = value.decimalValue().stripTrailingZeros();
        String text = number.toPlainString();
        if ("KGM".equals(uom)) {
            return new LotPage.Quantity(
                    text,
                    uom,
                    text,
                    number.multiply(JIN_PER_KG).stripTrailingZeros().toPlainString());
        }
        return new LotPage.Quantity(text, uom, null, null);
    }

    /** A decimal the ledger wrote as a number, as text; null when absent. */
    static String decimal(JsonNode value) {
        return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : null;
    }

    static String text(JsonNode value) {
        return value.isString() ? value.asString() : null;
    }

    static OffsetDateTime time(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asString()).withOffsetSameInstant(CHINA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
