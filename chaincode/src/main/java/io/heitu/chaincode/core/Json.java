package io.heitu.chaincode.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON codec for everything the chaincode endorses, stores, hashes or returns: keys sorted
 * at every level, decimals as exact {@code BigDecimal} written in plain notation, no floating point,
 * nulls omitted. Parsing is strict and bounded: unknown or duplicate fields, trailing tokens, deep
 * nesting, huge strings and type coercions are refused.
 */
public final class Json {

    /** Largest request the chaincode will parse. */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;

    /**
     * Largest EPCIS capture ({@code event:Capture}): a partner's whole document in one transaction,
     * so that it is captured all or nothing.
     */
    public static final int MAX_CAPTURE_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonMapper.builder()
                    .build()
                    .getFactory()
                    .setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32)
                            .maxStringLength(64 * 1024)
                            .maxNumberLength(40)
                            .maxDocumentLength(MAX_CAPTURE_BYTES)
                            .build()))
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Jackson still turns 1.5 into the int 1 and numbers or booleans into text unless told
            // otherwise: a value of the wrong JSON type is refused, never converted.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(
                    LogicalType.Textual,
                    text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(EnumWords.MODULE)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final String LIMITS =
            "the request nests deeper than 32 levels or holds a string or number beyond the limits";
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    private Json() {}

    /** Parses a request into its record type; every failure becomes a refusal with a stable code. */
    public static <T> T read(String json, Class<T> type) {
        return read(json, type, MAX_REQUEST_BYTES);
    }

    /** Parses a request of at most {@code maxBytes} (UTF-8) into its record type. */
    public static <T> T read(String json, Class<T> type, int maxBytes) {
        if (json == null || json.isBlank()) {
            throw new TraceException(ErrorCode.MALFORMED_REQUEST, "the request is empty");
        }
        if (json.length() > maxBytes || json.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new TraceException(
                    ErrorCode.MALFORMED_REQUEST, "the request is larger than " + maxBytes / 1024 + " KiB");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new TraceException(ErrorCode.MALFORMED_REQUEST, "the request is null");
            }
            return value;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof TraceException refusal) {
                throw refusal;
            }
            String field = path(e);
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT,
                    field.isEmpty() ? "invalid value in the request" : "invalid value at " + field);
        } catch (JsonMappingException e) {
            throw new TraceException(
                    ErrorCode.MALFORMED_REQUEST,
                    e.getCause() instanceof StreamConstraintsException ? LIMITS : describe(e));
        } catch (StreamConstraintsException e) {
            throw new TraceException(ErrorCode.MALFORMED_REQUEST, LIMITS);
        } catch (JsonProcessingException e) {
            throw new TraceException(ErrorCode.MALFORMED_REQUEST, describe(e));
        }
    }

    /** Reads back a value the chaincode itself stored; a failure here is an internal error. */
    public static <T> T decode(byte[] stored, Class<T> type) {
        try {
            return MAPPER.readValue(stored, type);
        } catch (java.io.IOException e) {
            throw new TraceException(
                    ErrorCode.INTERNAL_ERROR, "stored value cannot be read as " + type.getSimpleName());
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TraceException(ErrorCode.INTERNAL_ERROR, "value cannot be written as JSON");
        }
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static String describe(JsonMappingException e) {
        String field = path(e);
        String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (reason.startsWith("Unrecognized field")) {
            return "unknown field " + field;
        }
        return field.isEmpty() ? "the request has the wrong shape" : "wrong type or shape at " + field;
    }

    /** The parser finds duplicate fields (strict detection) before any mapping happens. */
    private static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(reason);
        if (duplicate.find()) {
            return "duplicate field " + Texts.clip(duplicate.group(1));
        }
        return "the request is not valid JSON";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
