package io.heitu.chaincode.core;

import java.util.regex.Pattern;

/** Checks on free text and identifiers; every refusal names the field. */
public final class Texts {

    public static final int NAME_MAX = 200;
    public static final int NOTE_MAX = 2000;
    public static final int ID_MAX = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Texts() {}

    /** A required text of at most {@code max} characters, without control characters. */
    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return optional(field, value, max);
    }

    /** An optional text: null stays null; otherwise the same checks as {@link #required}. */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw invalid(field + " is longer than " + max + " characters");
        }
        if (trimmed.codePoints().anyMatch(Texts::isForbidden)) {
            throw invalid(field + " contains control or invisible formatting characters");
        }
        return trimmed;
    }

    /** An identifier chosen by a user: letters, digits and {@code . _ : -}, at most 64 characters. */
    public static String id(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(field + " is required");
        }
        if (!ID.matcher(value).matches()) {
            throw invalid(field + " must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    /** Most lines a request, document or import may number. */
    public static final int LINE_MAX = 1_000_000;

    /** An optional line number, 1 to {@value #LINE_MAX}: what tells equal business steps apart. */
    public static Integer line(Integer value) {
        if (value != null && (value < 1 || value > LINE_MAX)) {
            throw invalid("line must be between 1 and " + LINE_MAX);
        }
        return value;
    }

    public static <T> T require(String field, T value) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /** Shortens text quoted back in a message, so hostile input cannot flood logs. */
    public static String clip(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    public static TraceException invalid(String message) {
        return new TraceException(ErrorCode.INVALID_ARGUMENT, message);
    }

    private static boolean isForbidden(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return false;
        }
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }
}
