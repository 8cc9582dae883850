package io.heitu.service.epcis.subscription;

import io.heitu.service.problem.ApiException;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule of a scheduled subscription (EPCIS 2.0 §8.2.5.3), like cron: per field (second,
 * minute, hour, dayOfMonth, month, dayOfWeek with 1 = Monday) a list of values and ranges
 * ({@code "0"}, {@code "1,15"}, {@code "[1-5]"}). An omitted field matches every value, except
 * {@code second}, which is 0 when omitted: {@code {"hour": "1", "minute": "5"}} runs once a day at
 * 01:05:00.
 */
public record QuerySchedule(
        Map<String, String> fields,
        BitSet second,
        BitSet minute,
        BitSet hour,
        BitSet dayOfMonth,
        BitSet month,
        BitSet dayOfWeek) {

    private static final Pattern ELEMENT = Pattern.compile("(\\d{1,2})|\\[(\\d{1,2})-(\\d{1,2})]");
    private static final int SEARCH_DAYS = 366 * 5;

    public static QuerySchedule parse(Map<String, String> fields) {
        Map<String, String> kept = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(name, value.strip());
            }
        });
        for (String name : kept.keySet()) {
            if (!Map.of("second", 0, "minute", 0, "hour", 0, "dayOfMonth", 0, "month", 0, "dayOfWeek", 0)
                    .containsKey(name)) {
                throw invalid("schedule has no field " + name);
            }
        }
        if (kept.isEmpty()) {
            throw invalid("a schedule names at least one of second, minute, hour, dayOfMonth, month, dayOfWeek");
        }
        return new QuerySchedule(
                kept,
                field(kept.getOrDefault("second", "0"), "second", 0, 59),
                field(kept.get("minute"), "minute", 0, 59),
                field(kept.get("hour"), "hour", 0, 23),
                field(kept.get("dayOfMonth"), "dayOfMonth", 1, 31),
                field(kept.get("month"), "month", 1, 12),
                field(kept.get("dayOfWeek"), "dayOfWeek", 1, 7));
    }

    /** The first time strictly after {@code after} (whole seconds) that the schedule matches. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime day = after.truncatedTo(ChronoUnit.DAYS);
        for (int d = 0; d <= SEARCH_DAYS; d++, day = day.plusDays(1)) {
            if (!month.get(day.getMonthValue())
                    || !dayOfMonth.get(day.getDayOfMonth())
                    || !dayOfWeek.get(day.getDayOfWeek().getValue())) {
                continue;
            }
            for (int h = hour.nextSetBit(0); h >= 0 && h < 24; h = hour.nextSetBit(h + 1)) {
                for (int m = minute.nextSetBit(0); m >= 0 && m < 60; m = minute.nextSetBit(m + 1)) {
                    for (int s = second.nextSetBit(0); s >= 0 && s < 60; s = second.nextSetBit(s + 1)) {
                        ZonedDateTime candidate = day.withHour(h).withMinute(m).withSecond(s);
                        if (candidate.isAfter(after)) {
                            return candidate;
                        }
                    }
                }
            }
        }
        throw invalid("the schedule never fires (e.g. 31 February)");
    }

    private static BitSet field(String value, String name, int min, int max) {
        BitSet set = new BitSet(max + 1);
        if (value == null) {
            set.set(min, max + 1);
            return set;
        }
        for (String element : value.split(",")) {
            Matcher matcher = ELEMENT.matcher(element.strip());
            if (!matcher.matches()) {
                throw invalid(name + " is a list of numbers and [from-to] ranges, e.g. 0,30 or [1-5]");
            }
            int from = Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            int to = Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
            if (from < min || to > max || from > to) {
                throw invalid(name + " takes values from " + min + " to " + max);
            }
            set.set(from, to + 1);
        }
        return set;
    }

    private static ApiException invalid(String reason) {
        return new ApiException("EPCIS_INVALID_SUBSCRIPTION", reason);
    }
}
