package io.heitu.service.lot.page;

import io.heitu.service.ledger.wire.Quantity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The ledger's numbers, dates and times as the page shows them: kg with 斤 beside, China time. */
public final class Quantities {

    /** China Standard Time; no daylight saving, so a fixed offset. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static final BigDecimal JIN_PER_KG = BigDecimal.valueOf(2);

    private Quantities() {}

    /** A quantity as the chaincode writes it; null when absent or without a number. */
    static LotPage.Quantity of(Quantity quantity) {
        if (quantity == null || quantity.value() == null) {
            return null;
        }
        BigDecimal number = quantity.value().stripTrailingZeros();
        String text = number.toPlainString();
        if ("KGM".equals(quantity.uom())) {
            return new LotPage.Quantity(
                    text,
                    quantity.uom(),
                    text,
                    number.multiply(JIN_PER_KG).stripTrailingZeros().toPlainString());
        }
        return new LotPage.Quantity(text, quantity.uom(), null, null);
    }

    /** A decimal the ledger wrote as a number, as text; null when absent. */
    static String decimal(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** An ISO-8601 time with offset in China's time zone; null when absent or not a time. */
    static OffsetDateTime time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(CHINA);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An ISO-8601 date; null when absent or not a date. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
