package io.heitu.service.epcis.query;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The comparisons of SimpleEventQuery parameters ({@code EQ_}, {@code GT_}, {@code GE_}, {@code LT_},
 * {@code LE_}) between a query value and a field's value. Values compare as numbers when both are
 * numbers, as instants when both are date-times, as booleans or else as strings; a JSON-LD value
 * object ({@code {"@value": …}}) compares as its value and a list as any of its members.
 */
public enum Comparison {
    EQ,
    GT,
    GE,
    LT,
    LE;

    /** Whether any value of the field satisfies the comparison with any of the query's values. */
    public boolean test(JsonNode field, List<String> values) {
        for (JsonNode member : members(field)) {
            for (String value : values) {
                if (holds(member, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean holds(JsonNode member, String value) {
        if (member.isNumber()) {
            BigDecimal wanted = number(value);
            return wanted != null && ordered(member.decimalValue().compareTo(wanted));
        }
        if (member.isBoolean()) {
            return this == EQ
                    && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))
                    && member.asBoolean() == Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT));
        }
        if (!member.isString()) {
            return false;
        }
        String text = member.asString();
        BigDecimal number = number(text);
        BigDecimal wanted = number(value);
        if (number != null && wanted != null) {
            return ordered(number.compareTo(wanted));
        }
        OffsetDateTime time = time(text);
        OffsetDateTime wantedTime = time(value);
        if (time != null && wantedTime != null) {
            return ordered(time.toInstant().compareTo(wantedTime.toInstant()));
        }
        return this == EQ ? text.equals(value) : ordered(text.compareTo(value));
    }

    private boolean ordered(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
        };
    }

    /** Leaves of a field value: list members, a value object's value, the value itself. */
    static List<JsonNode> members(JsonNode field) {
        List<JsonNode> members = new ArrayList<>();
        collect(field, members);
        return members;
    }

    private static void collect(JsonNode value, List<JsonNode> into) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(member -> collect(member, into));
        } else if (value.isObject()) {
            if (value.has("@value")) {
                collect(value.get("@value"), into);
            }
        } else {
            into.add(value);
        }
    }

    static BigDecimal number(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        char first = text.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static OffsetDateTime time(String text) {
        if (text == null || text.length() < 16 || text.length() > 40 || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
