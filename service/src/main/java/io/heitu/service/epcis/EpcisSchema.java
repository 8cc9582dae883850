package io.heitu.service.epcis;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * GS1's official EPCIS 2.0 JSON schema (a copy in {@code resources/epcis/}): every captured
 * document and event is checked against it, and so is everything the service exports.
 */
@Component
public class EpcisSchema {

    private static final String LOCATION = "/epcis/EPCIS-JSON-Schema.json";
    /** Enough to say what is wrong without echoing a whole hostile document back. */
    private static final int MAX_REPORTED = 20;

    private final Schema schema;

    public EpcisSchema() {
        try (InputStream in = EpcisSchema.class.getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("the EPCIS schema is missing from the classpath: " + LOCATION);
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What makes the document or event invalid (at most 20 findings, with where); empty when valid. */
    public List<String> problems(JsonNode documentOrEvent) {
        List<Error> errors = schema.validate(documentOrEvent);
        return errors.stream()
                .limit(MAX_REPORTED)
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
