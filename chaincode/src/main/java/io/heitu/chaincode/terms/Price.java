package io.heitu.chaincode.terms;

import io.heitu.chaincode.core.Texts;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A unit price as traders quote it: a decimal amount (a string, never a float), an ISO 4217
 * currency and the unit priced, e.g. {@code 3.20 CNY per jin} (元/斤).
 */
public record Price(String amount, String currency, String unit) {

    /** Units prices are quoted per: 斤, kilogram, tonne, 亩 (land), piece, bag, box. */
    public static final Set<String> UNITS = Set.of("jin", "kg", "t", "mu", "piece", "bag", "box");

    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,11})(\\.[0-9]{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Price {
        Texts.require("price.amount", amount);
        if (!AMOUNT.matcher(amount).matches()) {
            throw Texts.invalid("price.amount must be a decimal such as 3.20 (at most 4 decimals)");
        }
        currency = currency == null ? "CNY" : currency;
        if (!CURRENCY.matcher(currency).matches()) {
            throw Texts.invalid("price.currency must be an ISO 4217 code such as CNY");
        }
        Texts.require("price.unit", unit);
        if (!UNITS.contains(unit)) {
            throw Texts.invalid(
                    "price.unit must be one of " + UNITS.stream().sorted().toList());
        }
    }
}
