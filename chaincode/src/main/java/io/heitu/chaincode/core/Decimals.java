package io.heitu.chaincode.core;

import java.math.BigDecimal;

/** Exact decimal quantities in one canonical form, so equal amounts encode to equal bytes. */
public final class Decimals {

    private static final int MAX_SCALE = 6;
    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    /**
     * Largest power of ten a value may carry before it is written out: {@code 1e99999999} is a few
     * bytes of JSON but hundreds of megabytes as plain digits, and minutes of work to expand.
     */
    private static final int MAX_EXPONENT = 64;

    private Decimals() {}

    /** Trailing zeros stripped, never in exponent notation: 12000.50 and 1.20005E+4 become 12000.5. */
    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() < -MAX_EXPONENT) {
            throw Texts.invalid("numbers of 10^" + MAX_EXPONENT + " or more are refused");
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A required quantity greater than zero, at most six decimals, below 10^12. */
    public static BigDecimal positive(String field, BigDecimal value) {
        BigDecimal canonical = bounded(field, Texts.require(field, value));
        if (canonical.signum() <= 0) {
            throw Texts.invalid(field + " must be greater than zero");
        }
        return canonical;
    }

    /** An optional measured value (may be zero or negative, e.g. a temperature). */
    public static BigDecimal measured(String field, BigDecimal value) {
        return value == null ? null : bounded(field, value);
    }

    /** An optional value that must not be negative. */
    public static BigDecimal nonNegative(String field, BigDecimal value) {
        BigDecimal canonical = measured(field, value);
        if (canonical != null && canonical.signum() < 0) {
            throw Texts.invalid(field + " must not be negative");
        }
        return canonical;
    }

    public static BigDecimal between(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
        BigDecimal canonical = measured(field, value);
        if (canonical != null && (canonical.compareTo(min) < 0 || canonical.compareTo(max) > 0)) {
            throw Texts.invalid(field + " must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        return canonical;
    }

    private static BigDecimal bounded(String field, BigDecimal value) {
        BigDecimal canonical = canonical(value);
        if (canonical.scale() > MAX_SCALE) {
            throw Texts.invalid(field + " has more than " + MAX_SCALE + " decimals");
        }
        if (canonical.abs().compareTo(MAX) >= 0) {
            throw Texts.invalid(field + " is too large");
        }
        return canonical;
    }
}
