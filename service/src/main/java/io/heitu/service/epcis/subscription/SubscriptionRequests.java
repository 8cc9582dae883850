package io.heitu.service.epcis.subscription;

import io.heitu.service.epcis.EpcFormat;
import io.heitu.service.epcis.query.EventSearch;
import io.heitu.service.problem.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads a subscription request, a webhook's JSON body or a WebSocket's {@code GS1-Query-*} URL
 * parameters, into a {@link Subscription}: {@code stream: true} or a schedule, never both or
 * neither (the bindings' guard against subscribing to a stream by accident).
 */
final class SubscriptionRequests {

    private SubscriptionRequests() {}

    static Subscription webhook(
            JsonNode body, String mspId, String queryName, String username, EpcFormat format, EventSearch search) {
        if (body == null || !body.isObject()) {
            throw invalid("a subscription is a JSON object with dest and stream or schedule");
        }
        String dest = body.path("dest").asString("");
        requireDestination(dest);
        // The bindings' schema requires "secret" where their text and example say "signatureToken".
        JsonNode token = body.has("signatureToken") ? body.get("signatureToken") : body.get("secret");
        if (token != null
                && (!token.isString()
                        || token.asString().isEmpty()
                        || token.asString().length() > 512)) {
            throw invalid("signatureToken is a string of 1 to 512 characters");
        }
        Map<String, String> schedule = new LinkedHashMap<>();
        JsonNode scheduleNode = body.get("schedule");
        if (scheduleNode != null) {
            if (!scheduleNode.isObject()) {
                throw invalid("schedule is an object of second, minute, hour, dayOfMonth, month, dayOfWeek");
            }
            scheduleNode
                    .properties()
                    .forEach(field ->
                            schedule.put(field.getKey(), field.getValue().asString("")));
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isBoolean()) {
            throw invalid("stream is true or absent");
        }
        JsonNode reportIfEmpty = body.get("reportIfEmpty");
        if (reportIfEmpty != null && !reportIfEmpty.isBoolean()) {
            throw invalid("reportIfEmpty is true or false");
        }
        return create(
                mspId,
                queryName,
                username,
                dest,
                token == null ? null : token.asString(),
                stream != null && stream.asBoolean(),
                scheduleNode == null ? null : schedule,
                reportIfEmpty != null && reportIfEmpty.asBoolean(),
                body.path("initialRecordTime").asString(null),
                format,
                search);
    }

    static Subscription socket(
            Map<String, String> parameters,
            String mspId,
            String queryName,
            String username,
            EpcFormat format,
            EventSearch search) {
        Map<String, String> schedule = new LinkedHashMap<>();
        for (String field : new String[] {"Second", "Minute", "Hour", "DayOfMonth", "Month", "DayOfWeek"}) {
            String value = parameters.get("GS1-Query-" + field);
            if (value != null) {
                schedule.put(Character.toLowerCase(field.charAt(0)) + field.substring(1), value);
            }
        }
        String stream = parameters.get("GS1-Query-Stream");
        if (stream != null && !stream.equals("true") && !stream.equals("false")) {
            throw invalid("GS1-Query-Stream is true");
        }
        String reportIfEmpty = parameters.get("GS1-Query-ReportIfEmpty");
        return create(
                mspId,
                queryName,
                username,
                null,
                null,
                "true".equals(stream),
                schedule.isEmpty() ? null : schedule,
                "true".equals(reportIfEmpty),
                parameters.get("GS1-Query-InitialRecordTime"),
                format,
                search);
    }

    private static Subscription create(
            String mspId,
            String queryName,
            String username,
            String dest,
            String token,
            boolean stream,
            Map<String, String> scheduleFields,
            boolean reportIfEmpty,
            String initialRecordTime,
            EpcFormat format,
            EventSearch search) {
        if (stream == (scheduleFields != null)) {
            throw invalid("a subscription has either stream: true or a schedule");
        }
        QuerySchedule schedule = scheduleFields == null ? null : QuerySchedule.parse(scheduleFields);
        OffsetDateTime initial = null;
        if (initialRecordTime != null && !initialRecordTime.isBlank()) {
            try {
                initial = OffsetDateTime.parse(initialRecordTime.strip().replace(' ', '+'));
            } catch (DateTimeParseException e) {
                throw invalid("initialRecordTime is a date-time with an offset");
            }
        }
        OffsetDateTime now = Deliveries.now();
        // Without an initial record time, a subscription reports what happens from now on.
        long position = initial == null ? search.lastSeq() : 0;
        OffsetDateTime nextRun = schedule == null
                ? null
                : schedule.next(now.atZoneSameInstant(Schedules.ZONE)).toOffsetDateTime();
        return new Subscription(
                UUID.randomUUID().toString(),
                mspId,
                queryName,
                username,
                dest,
                token,
                schedule,
                reportIfEmpty,
                initial,
                format,
                now,
                position,
                null,
                nextRun,
                0,
                null);
    }

    private static void requireDestination(String dest) {
        if (dest.length() > 2048) {
            throw invalid("dest is at most 2048 characters");
        }
        try {
            URI uri = new URI(dest);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw invalid("dest is the subscriber's http or https URL");
            }
        } catch (URISyntaxException e) {
            throw invalid("dest is the subscriber's http or https URL");
        }
    }

    private static ApiException invalid(String reason) {
        return new ApiException("EPCIS_INVALID_SUBSCRIPTION", reason);
    }
}
