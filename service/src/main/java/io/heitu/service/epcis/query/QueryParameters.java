package io.heitu.service.epcis.query;

import io.heitu.service.epcis.cbv.Namespaces;
import io.heitu.service.epcis.cbv.Vocabulary;
import io.heitu.service.epcis.identifier.EpcPattern;
import io.heitu.service.epcis.identifier.Identifiers;
import io.heitu.service.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parameters of a SimpleEventQuery (EPCIS 2.0 §8.2.7.1), from a URL's query string or a
 * named query's JSON, into an {@link EventQuery}. A parameter the standard does not define, a value
 * of the wrong type, or a combination the standard forbids is refused with a
 * {@code QueryParameterException}: a filter silently dropped would answer a different question.
 */
public final class QueryParameters {

    /** Parameters of paging and of WebSocket subscriptions: not part of the query itself. */
    public static final Set<String> NOT_QUERY = Set.of("perPage", "nextPageToken");

    private static final Pattern EXTENSION = Pattern.compile(
            "^(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?(ILMD_|ERROR_DECLARATION_|readPoint_|bizLocation_|SENSORELEMENT_|"
                    + "SENSORMETADATA_|SENSORREPORT_)?([A-Za-z][\\w.-]*:.+)$");
    private static final Pattern TYPED_LIST =
            Pattern.compile("^EQ_(bizTransaction|source|destination)_([A-Za-z][A-Za-z0-9_.-]*)$");
    private static final Pattern QUANTITY = Pattern.compile("^(EQ|GT|GE|LT|LE)_quantity(?:_([A-Z0-9]{2,4}))?$");
    private static final Pattern SENSOR_VALUE =
            Pattern.compile("^(EQ|GT|GE|LT|LE)_(value|minValue|maxValue|meanValue|sDev|percValue)_([A-Za-z0-9]{2,4})$");
    private static final Pattern PERC_RANK = Pattern.compile("^(EQ|GT|GE|LT|LE)_percRank$");
    private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");
    private static final Set<String> SENSOR_URIS =
            Set.of("deviceID", "dataProcessingMethod", "microorganism", "chemicalSubstance", "bizRules", "uriValue");
    private static final int MAX_VALUES = 100;

    private final Map<String, List<String>> parameters;
    private final Map<String, String> prefixes;
    private final Hierarchy hierarchy;
    private final List<Condition> conditions = new ArrayList<>();

    private QueryParameters(Map<String, List<String>> parameters, Map<String, String> prefixes, Hierarchy hierarchy) {
        this.parameters = parameters;
        this.prefixes = prefixes;
        this.hierarchy = hierarchy;
    }

    /**
     * The query of the given parameters (each with its values already split: {@code |} in a URL,
     * array members in JSON), compact names expanded with {@code prefixes}.
     */
    public static EventQuery parse(
            Map<String, List<String>> parameters, Map<String, String> prefixes, Hierarchy hierarchy) {
        return new QueryParameters(parameters, prefixes, hierarchy).parse();
    }

    private EventQuery parse() {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (NOT_QUERY.contains(name)
                    || name.equals("orderBy")
                    || name.equals("orderDirection")
                    || name.equals("eventCountLimit")
                    || name.equals("maxEventCount")) {
                continue;
            }
            List<String> values = parameter.getValue().stream()
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .toList();
            if (values.size() > MAX_VALUES) {
                throw invalid(name + " has more than " + MAX_VALUES + " values");
            }
            if (values.isEmpty() && !name.startsWith("EXISTS_")) {
                throw invalid(name + " needs a value");
            }
            conditions.add(condition(name, values));
        }
        Integer countLimit = positive("eventCountLimit");
        Integer maxCount = positive("maxEventCount");
        EventQuery.Order order = order();
        if (countLimit != null && maxCount != null) {
            throw invalid("eventCountLimit and maxEventCount exclude each other");
        }
        if (countLimit != null && !parameters.containsKey("orderBy")) {
            throw invalid("eventCountLimit needs orderBy");
        }
        return new EventQuery(conditions, order, countLimit, maxCount, fingerprint());
    }

    /**
     * The condition of a top-level resource's member ({@code /bizSteps/{bizStep}/events} …): that
     * parameter with that one value; for {@code /epcs/{epc}/events}, the EPC in any of the event's
     * EPC or class fields.
     */
    public static Condition member(String parameter, String value, Map<String, String> prefixes, Hierarchy hierarchy) {
        QueryParameters parameters = new QueryParameters(Map.of(), prefixes, hierarchy);
        if (parameter.equals("MATCH_anyEPC")) {
            return parameters.match(
                    List.of(value),
                    "epcList",
                    "childEPCs",
                    "parentID",
                    "inputEPCList",
                    "outputEPCList",
                    "quantityList",
                    "childQuantityList",
                    "inputQuantityList",
                    "outputQuantityList");
        }
        return parameters.condition(parameter, List.of(value));
    }

    private Condition condition(String name, List<String> values) {
        switch (name) {
            case "eventType":
                return column("event_type", expandAll(values), EventView::type);
            case "GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime":
                return time(name, single(name, values));
            case "EQ_action":
                values.forEach(action -> {
                    if (!ACTIONS.contains(action)) {
                        throw invalid("EQ_action takes ADD, OBSERVE or DELETE");
                    }
                });
                return column(
                        "action",
                        Set.copyOf(values),
                        event -> event.event().path("action").asString(null));
            case "EQ_bizStep":
                return column(
                        "biz_step",
                        words(Vocabulary.BIZ_STEP, values),
                        event -> fieldWord(event, Vocabulary.BIZ_STEP, "bizStep"));
            case "EQ_disposition":
                return column(
                        "disposition",
                        words(Vocabulary.DISPOSITION, values),
                        event -> fieldWord(event, Vocabulary.DISPOSITION, "disposition"));
            case "EQ_persistentDisposition_set", "EQ_persistentDisposition_unset":
                return persistentDisposition(
                        name.substring(name.lastIndexOf('_') + 1), words(Vocabulary.DISPOSITION, values));
            case "EQ_readPoint":
                return location("read_point", "readPoint", canonicalAll(values), List.of());
            case "EQ_bizLocation":
                return location("biz_location", "bizLocation", canonicalAll(values), List.of());
            case "WD_readPoint":
                return within("read_point", "readPoint", values);
            case "WD_bizLocation":
                return within("biz_location", "bizLocation", values);
            case "EQ_transformationID":
                return anyOf(
                        Set.copyOf(values),
                        event -> List.of(event.event().path("transformationID").asString("")));
            case "MATCH_epc":
                return match(values, "epcList", "childEPCs");
            case "MATCH_parentID":
                return match(values, "parentID");
            case "MATCH_inputEPC":
                return match(values, "inputEPCList");
            case "MATCH_outputEPC":
                return match(values, "outputEPCList");
            case "MATCH_anyEPC":
                return match(values, "epcList", "childEPCs", "parentID", "inputEPCList", "outputEPCList");
            case "MATCH_epcClass":
                return match(values, "quantityList", "childQuantityList");
            case "MATCH_inputEPCClass":
                return match(values, "inputQuantityList");
            case "MATCH_outputEPCClass":
                return match(values, "outputQuantityList");
            case "MATCH_anyEPCClass":
                return match(values, "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");
            case "EQ_eventID":
                return eventIds(Set.copyOf(values));
            case "EXISTS_errorDeclaration":
                return flag(name, values) ? Condition.of(event -> event.event().has("errorDeclaration")) : any();
            case "GE_errorDeclarationTime", "GE_errorDeclaration_Time":
                return errorTime(Comparison.GE, single(name, values), name);
            case "LT_errorDeclarationTime", "LT_errorDeclaration_Time":
                return errorTime(Comparison.LT, single(name, values), name);
            case "EQ_errorReason":
                Set<String> reasons = words(Vocabulary.ERROR_REASON, values);
                return Condition.of(event -> event.event().has("errorDeclaration")
                        && reasons.contains(word(
                                event,
                                Vocabulary.ERROR_REASON,
                                event.event()
                                        .path("errorDeclaration")
                                        .path("reason")
                                        .asString(null))));
            case "EQ_correctiveEventID":
                Set<String> corrective = Set.copyOf(values);
                return Condition.of(event -> {
                    for (var id : event.event().path("errorDeclaration").path("correctiveEventIDs")) {
                        if (corrective.contains(id.asString(""))) {
                            return true;
                        }
                    }
                    return false;
                });
            case "EXISTS_sensorElementList":
                return flag(name, values)
                        ? Condition.of(
                                event -> event.event().path("sensorElementList").size() > 0)
                        : any();
            case "EQ_type":
                return Sensors.report(words(Vocabulary.MEASUREMENT_TYPE, values), "type", Vocabulary.MEASUREMENT_TYPE);
            case "EQ_stringValue", "EQ_hexBinaryValue":
                return Sensors.reportEquals(name.substring(3), values);
            case "EQ_booleanValue":
                return Sensors.reportCompares(
                        "booleanValue", null, Comparison.EQ, List.of(bool(name, single(name, values))));
            case "GE_time", "LT_time", "GE_startTime", "LT_startTime", "GE_endTime", "LT_endTime":
                String field = name.substring(3);
                requireTime(name, single(name, values));
                return Sensors.metadataTime(field, Comparison.valueOf(name.substring(0, 2)), single(name, values));
            case "EQ_userID":
                throw invalid("EQ_userID is not a SimpleEventQuery parameter of EPCIS 2.0");
            default:
                return patterned(name, values);
        }
    }

    private Condition patterned(String name, List<String> values) {
        if (name.startsWith("EQ_") && SENSOR_URIS.contains(name.substring(3))) {
            return Sensors.anyUri(name.substring(3), canonicalAll(values));
        }
        Matcher typed = TYPED_LIST.matcher(name);
        if (typed.matches()) {
            return typedList(typed.group(1), typed.group(2), canonicalAll(values));
        }
        Matcher quantity = QUANTITY.matcher(name);
        if (quantity.matches()) {
            Comparison comparison = Comparison.valueOf(quantity.group(1));
            List<String> numbers = comparison == Comparison.EQ ? values : List.of(single(name, values));
            numbers.forEach(value -> requireNumber(name, value));
            return Quantities.compare(comparison, quantity.group(2), numbers);
        }
        Matcher sensorValue = SENSOR_VALUE.matcher(name);
        if (sensorValue.matches()) {
            Comparison comparison = Comparison.valueOf(sensorValue.group(1));
            List<String> numbers = comparison == Comparison.EQ ? values : List.of(single(name, values));
            numbers.forEach(value -> requireNumber(name, value));
            return Sensors.reportCompares(sensorValue.group(2), sensorValue.group(3), comparison, numbers);
        }
        Matcher rank = PERC_RANK.matcher(name);
        if (rank.matches()) {
            String value = single(name, values);
            requireNumber(name, value);
            return Sensors.reportCompares("percRank", null, Comparison.valueOf(rank.group(1)), List.of(value));
        }
        if (name.startsWith("HASATTR_") || name.startsWith("EQATTR_") || name.startsWith("EQ_ATTR_")) {
            throw invalid(name + ": master data attributes are not kept by this repository");
        }
        Matcher extension = EXTENSION.matcher(name);
        if (extension.matches()) {
            return extension(extension, values);
        }
        throw invalid("unknown query parameter " + name);
    }

    private Condition extension(Matcher extension, List<String> values) {
        String operator = extension.group(1);
        boolean inner = extension.group(2) != null;
        String infix = extension.group(3) == null ? "" : extension.group(3);
        ExtensionField.Scope scope = java.util.Arrays.stream(ExtensionField.Scope.values())
                .filter(candidate -> candidate.infix.equals(infix))
                .findFirst()
                .orElseThrow();
        String field = extension.group(4);
        if (operator.equals("EXISTS")) {
            return ExtensionField.of(null, inner, scope, field, prefixes, List.of());
        }
        Comparison comparison = Comparison.valueOf(operator);
        if (comparison != Comparison.EQ) {
            String value = single(extension.group(0), values);
            if (Comparison.number(value) == null && Comparison.time(value) == null) {
                throw invalid(extension.group(0) + " compares with a number or a date-time");
            }
        }
        return ExtensionField.of(comparison, inner, scope, field, prefixes, values);
    }

    // Conditions

    private static Condition column(String column, Set<String> values, Function<EventView, String> value) {
        return new Condition() {
            @Override
            public boolean test(EventView event) {
                return values.contains(value.apply(event));
            }

            @Override
            public boolean narrow(Sql sql) {
                sql.and("e." + column + " IN (?)", Sql.list(values));
                return true;
            }
        };
    }

    private Condition time(String name, String value) {
        OffsetDateTime time = requireTime(name, value);
        String field = name.substring(3);
        Comparison comparison = Comparison.valueOf(name.substring(0, 2));
        String column = field.equals("eventTime") ? "event_time" : "record_time";
        return new Condition() {
            @Override
            public boolean test(EventView event) {
                OffsetDateTime at = Comparison.time(event.event().path(field).asString(null));
                return at != null && (comparison == Comparison.GE ? !at.isBefore(time) : at.isBefore(time));
            }

            @Override
            public boolean narrow(Sql sql) {
                sql.and("e." + column + (comparison == Comparison.GE ? " >= ?" : " < ?"), time);
                return true;
            }
        };
    }

    private static Condition location(String column, String field, Set<String> values, List<String> prefixes) {
        Hierarchy.Within within = new Hierarchy.Within(values, prefixes);
        return new Condition() {
            @Override
            public boolean test(EventView event) {
                return within.contains(Identifiers.canonical(
                        event.event().path(field).path("id").asString(null)));
            }

            @Override
            public boolean narrow(Sql sql) {
                StringBuilder fragment = new StringBuilder("e." + column + " IN (?)");
                List<Object> args = new ArrayList<>();
                args.add(Sql.list(values));
                for (String prefix : prefixes) {
                    fragment.append(" OR e.").append(column).append(" LIKE ? ESCAPE '\\'");
                    args.add(Sql.startsWith(prefix));
                }
                sql.and(fragment.toString(), args.toArray());
                return true;
            }
        };
    }

    private Condition within(String column, String field, List<String> values) {
        Set<String> locations = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String value : values) {
            Hierarchy.Within within = hierarchy.within(Identifiers.canonical(value));
            locations.addAll(within.locations());
            prefixes.addAll(within.prefixes());
        }
        return location(column, field, locations, prefixes);
    }

    private static Condition eventIds(Set<String> ids) {
        return new Condition() {
            @Override
            public boolean test(EventView event) {
                return ids.contains(event.eventId()) || ids.contains(event.hashId());
            }

            @Override
            public boolean narrow(Sql sql) {
                sql.and("e.event_id IN (?) OR e.source_event_id IN (?)", Sql.list(ids), Sql.list(ids));
                return true;
            }
        };
    }

    private Condition match(List<String> values, String... fields) {
        Set<String> exact = new LinkedHashSet<>();
        List<EpcPattern> patterns = new ArrayList<>();
        for (String value : values) {
            EpcPattern.parse(value).ifPresentOrElse(patterns::add, () -> exact.add(Identifiers.canonical(value)));
        }
        return new Match(List.of(fields), exact, patterns);
    }

    private static Condition persistentDisposition(String which, Set<String> dispositions) {
        return Condition.of(event -> {
            for (var value : event.event().path("persistentDisposition").path(which)) {
                if (dispositions.contains(word(event, Vocabulary.DISPOSITION, value.asString(null)))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Condition errorTime(Comparison comparison, String value, String name) {
        requireTime(name, value);
        return Condition.of(event -> {
            var declaration = event.event().path("errorDeclaration");
            return declaration.has("declarationTime") && comparison.holds(declaration.get("declarationTime"), value);
        });
    }

    private Condition typedList(String list, String type, Set<String> values) {
        String typeWord = (list.equals("bizTransaction")
                        ? Vocabulary.BIZ_TRANSACTION_TYPE
                        : Vocabulary.SOURCE_DESTINATION_TYPE)
                .word(Namespaces.expand(type, prefixes));
        Vocabulary vocabulary =
                list.equals("bizTransaction") ? Vocabulary.BIZ_TRANSACTION_TYPE : Vocabulary.SOURCE_DESTINATION_TYPE;
        return Condition.of(event -> {
            for (var entry : event.event().path(list + "List")) {
                String entryType = word(event, vocabulary, entry.path("type").asString(null));
                String id = Identifiers.canonical(entry.path(list).asString(null));
                if (typeWord.equals(entryType) && values.contains(id)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Condition anyOf(Set<String> values, Function<EventView, List<String>> found) {
        return Condition.of(event -> found.apply(event).stream().anyMatch(values::contains));
    }

    private static Condition any() {
        return Condition.of(event -> true);
    }

    // Values

    /** A vocabulary value of an event as a bare word or, for a custom value, its IRI. */
    static String word(EventView event, Vocabulary vocabulary, String value) {
        return value == null ? null : event.expand(vocabulary.word(value));
    }

    private static String fieldWord(EventView event, Vocabulary vocabulary, String field) {
        return word(event, vocabulary, event.event().path(field).asString(null));
    }

    private Set<String> words(Vocabulary vocabulary, List<String> values) {
        Set<String> words = new LinkedHashSet<>();
        values.forEach(value -> words.add(Namespaces.expand(vocabulary.word(value), prefixes)));
        return words;
    }

    private Set<String> expandAll(List<String> values) {
        Set<String> expanded = new LinkedHashSet<>();
        values.forEach(value -> expanded.add(value.contains(":") ? Namespaces.expand(value, prefixes) : value));
        return expanded;
    }

    private static Set<String> canonicalAll(List<String> values) {
        Set<String> canonical = new LinkedHashSet<>();
        values.forEach(value -> canonical.add(Identifiers.canonical(value)));
        return canonical;
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw invalid(name + " takes one value");
        }
        return values.get(0);
    }

    private static boolean flag(String name, List<String> values) {
        if (values.isEmpty()) {
            return true;
        }
        String value = single(name, values);
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid(name + " is true or false");
        };
    }

    private static String bool(String name, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw invalid(name + " is true or false");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static OffsetDateTime requireTime(String name, String value) {
        OffsetDateTime time = Comparison.time(value);
        if (time == null) {
            throw invalid(name + " must be a date-time with an offset, e.g. 2026-10-01T00:00:00+08:00");
        }
        return time;
    }

    private static void requireNumber(String name, String value) {
        if (Comparison.number(value) == null) {
            throw invalid(name + " must be a number");
        }
    }

    private Integer positive(String name) {
        List<String> values = parameters.get(name);
        if (values == null) {
            return null;
        }
        String value = single(name, values);
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(name + " must be a positive integer");
    }

    private EventQuery.Order order() {
        List<String> by = parameters.get("orderBy");
        List<String> direction = parameters.get("orderDirection");
        boolean descending = true;
        if (direction != null) {
            String value = single("orderDirection", direction);
            if (!value.equals("ASC") && !value.equals("DESC")) {
                throw invalid("orderDirection is ASC or DESC");
            }
            descending = value.equals("DESC");
        }
        if (by == null) {
            return EventQuery.Order.DEFAULT;
        }
        String field = single("orderBy", by);
        if (field.equals("eventTime") || field.equals("recordTime")) {
            return new EventQuery.Order(field, descending);
        }
        if (!Namespaces.isExtension(field)) {
            throw invalid("orderBy is eventTime, recordTime or the name of an extension field");
        }
        return new EventQuery.Order(Namespaces.expand(field, prefixes), descending);
    }

    private String fingerprint() {
        Map<String, Object> canonical = new TreeMap<>();
        parameters.forEach((name, values) -> {
            if (!NOT_QUERY.contains(name)) {
                canonical.put(name, values);
            }
        });
        canonical.put("@prefixes", new TreeMap<>(prefixes));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ApiException invalid(String reason) {
        return new ApiException("EPCIS_INVALID_QUERY", reason);
    }
}
