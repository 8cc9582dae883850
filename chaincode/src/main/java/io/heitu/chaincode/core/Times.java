package io.heitu.chaincode.core;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times as EPCIS writes them: UTC with milliseconds and a 'Z', and the local offset kept apart
 * (China is +08:00). The chaincode's own clock is the transaction timestamp, never the machine's.
 */
public final class Times {

    /** How far ahead of the transaction timestamp an event may be dated (clock skew of devices). */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    public static final String CHINA_OFFSET = "+08:00";

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    /** Parses an ISO-8601 time with an offset ({@code 2026-10-01T08:00:00+08:00}). */
    public static Instant parse(String field, String value) {
        Texts.require(field, value);
        try {
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new TraceException(
                    ErrorCode.INVALID_TIME,
                    field + " must be an ISO-8601 time with an offset, e.g. 2026-10-01T08:00:00+08:00");
        }
    }

    /** An event time: not before 2000 and not later than the transaction time plus the tolerance. */
    public static Instant eventTime(String field, String value, Instant txTime) {
        Instant time = parse(field, value);
        if (time.isBefore(EARLIEST)) {
            throw new TraceException(ErrorCode.INVALID_TIME, field + " is before the year 2000");
        }
        if (time.isAfter(txTime.plus(FUTURE_TOLERANCE))) {
            throw new TraceException(ErrorCode.FUTURE_EVENT_TIME, field + " is in the future");
        }
        return time;
    }

    /** The offset written in a time {@link #parse} has accepted, to record beside it (UTC as +00:00). */
    public static String offsetOf(String value) {
        ZoneOffset offset = OffsetDateTime.parse(value).getOffset();
        return offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    }

    public static String format(Instant instant) {
        return UTC_MILLIS.format(instant);
    }

    /** An ISO date ({@code 2026-10-01}) such as a certificate's validity bound. */
    public static java.time.LocalDate date(String field, String value) {
        Texts.require(field, value);
        try {
            return java.time.LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new TraceException(ErrorCode.INVALID_TIME, field + " must be a date such as 2026-10-01");
        }
    }
}
