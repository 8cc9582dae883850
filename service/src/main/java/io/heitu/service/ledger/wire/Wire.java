package io.heitu.service.ledger.wire;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the chaincode's answers into the records of this package: the one place a ledger answer
 * is read as JSON. The chaincode's own answers are not requests: a lineage page of 10,000 lots is
 * several megabytes, more than the process-wide limit on request documents allows.
 */
public final class Wire {

    private static final JsonMapper ANSWERS = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(512L * 1024 * 1024)
                            .maxStringLength(64 * 1024 * 1024)
                            .build())
                    .build())
            .build();

    private Wire() {}

    public static <T> T decode(String json, Class<T> type) {
        return ANSWERS.readValue(json, type);
    }

    public static <T> T decode(String json, TypeReference<T> type) {
        return ANSWERS.readValue(json, type);
    }

    /** A {@link Page} of {@code item}s. */
    public static <T> Page<T> page(String json, Class<T> item) {
        JavaType type = ANSWERS.getTypeFactory().constructParametricType(Page.class, item);
        return ANSWERS.readValue(json, type);
    }
}
