package io.heitu.service.epcis;

import io.heitu.service.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * An EPCIS 2.0 SimpleEventQuery as the REST binding passes it in query parameters. Values of one
 * parameter may repeat it or be separated by commas or '|'. An unknown parameter is refused rather
 * than ignored: a filter silently dropped would answer a different question.
 */
record EventQuery(
        List<String> eventTypes,
        OffsetDateTime geEventTime,
        OffsetDateTime ltEventTime,
        OffsetDateTime geRecordTime,
        OffsetDateTime ltRecordTime,
        Map<String, List<String>> equals,
        Map<String, List<String>> matches,
        int perPage,
        Cursor after) {

    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 1_000;

    /** Columns of the {@code EQ_} parameters. */
    static final Map<String, String> EQUALS = Map.of(
            "EQ_action", "action",
            "EQ_bizStep", "biz_step",
            "EQ_disposition", "disposition",
            "EQ_readPoint", "read_point",
            "EQ_bizLocation", "biz_location",
            "EQ_eventID", "event_id");

    /** Fields of the read model's identifiers each {@code MATCH_} parameter looks in. */
    static final Map<String, List<String>> MATCHES = Map.of(
            "MATCH_epc", List.of("epc", "child"),
            "MATCH_parentID", List.of("parent"),
            "MATCH_inputEPC", List.of("input"),
            "MATCH_outputEPC", List.of("output"),
            "MATCH_anyEPC", List.of("epc", "child", "parent", "input", "output"),
            "MATCH_epcClass", List.of("class", "lot"),
            "MATCH_inputEPCClass", List.of("inputClass"),
            "MATCH_outputEPCClass", List.of("outputClass"),
            "MATCH_anyEPCClass", List.of("class", "inputClass", "outputClass", "lot"));

    private static final Set<String> OTHERS = Set.of(
            "eventType", "GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime", "perPage", "nextPageToken");

    /** Where the previous page ended: its last event's time and digest. */
    record Cursor(OffsetDateTime eventTime, String digest) {

        String token() {
            String text = eventTime + "|" + digest;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor of(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                String digest = text.substring(bar + 1);
                if (!digest.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("not a digest");
                }
                return new Cursor(OffsetDateTime.parse(text.substring(0, bar)), digest);
            } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw invalid("nextPageToken is not a token this server gave");
            }
        }
    }

    static EventQuery of(MultiValueMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!OTHERS.contains(name) && !EQUALS.containsKey(name) && !MATCHES.containsKey(name)) {
                throw invalid("unknown or unsupported query parameter " + name);
            }
        }
        Map<String, List<String>> equals = new LinkedHashMap<>();
        EQUALS.keySet().stream().sorted().forEach(name -> {
            List<String> values = values(parameters, name);
            if (!values.isEmpty()) {
                equals.put(name, normalised(name, values));
            }
        });
        Map<String, List<String>> matches = new LinkedHashMap<>();
        MATCHES.keySet().stream().sorted().forEach(name -> {
            List<String> values = values(parameters, name);
            if (!values.isEmpty()) {
                matches.put(name, values);
            }
        });
        String token = parameters.getFirst("nextPageToken");
        return new EventQuery(
                values(parameters, "eventType"),
                time(parameters, "GE_eventTime"),
                time(parameters, "LT_eventTime"),
                time(parameters, "GE_recordTime"),
                time(parameters, "LT_recordTime"),
                equals,
                matches,
                perPage(parameters.getFirst("perPage")),
                token == null || token.isBlank() ? null : Cursor.of(token));
    }

    /** The same query with one more condition (the top-level resources: /bizSteps/{bizStep}/events …). */
    EventQuery with(String parameter, String value) {
        Map<String, List<String>> moreEquals = new LinkedHashMap<>(equals);
        Map<String, List<String>> moreMatches = new LinkedHashMap<>(matches);
        List<String> types = eventTypes;
        if (EQUALS.containsKey(parameter)) {
            moreEquals.put(parameter, normalised(parameter, List.of(value)));
        } else if (MATCHES.containsKey(parameter)) {
            moreMatches.put(parameter, List.of(value));
        } else {
            types = List.of(value);
        }
        return new EventQuery(
                types, geEventTime, ltEventTime, geRecordTime, ltRecordTime, moreEquals, moreMatches, perPage, after);
    }

    private static List<String> normalised(String name, List<String> values) {
        return switch (name) {
            case "EQ_bizStep" -> values.stream().map(Cbv::bizStep).toList();
            case "EQ_disposition" -> values.stream().map(Cbv::disposition).toList();
            default -> values;
        };
    }

    private static List<String> values(MultiValueMap<String, String> parameters, String name) {
        List<String> values = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            for (String part : value.split("[,|]")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        if (values.size() > 100) {
            throw invalid(name + " has more than 100 values");
        }
        return values;
    }

    private static OffsetDateTime time(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // A '+' left unencoded in a query string arrives as a space.
            return OffsetDateTime.parse(value.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be a date-time with an offset, e.g. 2026-10-01T00:00:00+08:00");
        }
    }

    private static int perPage(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PER_PAGE;
        }
        try {
            int perPage = Integer.parseInt(value.strip());
            if (perPage >= 1 && perPage <= MAX_PER_PAGE) {
                return perPage;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid("perPage must be between 1 and " + MAX_PER_PAGE);
    }

    static ApiException invalid(String reason) {
        return new ApiException("EPCIS_INVALID_QUERY", reason);
    }
}
