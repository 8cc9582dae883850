package io.heitu.service.epcis.subscription;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.heitu.service.epcis.cbv.Namespaces;
import io.heitu.service.problem.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Named queries, one namespace per organisation, kept in the service's database (they are a
 * client's views, not facts for the ledger). A definition must be valid against GS1's query schema
 * and a SimpleEventQuery this service can answer before it is kept.
 */
@Component
public class NamedQueries {

    /** A name that is one path segment as it is: {@code /queries/{name}}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,199}");

    private static final TypeReference<Map<String, String>> PREFIXES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Schema schema;

    NamedQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        try (InputStream in = NamedQueries.class.getResourceAsStream("/epcis/query-schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(asGs1Meant(json.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * GS1's query schema as GS1 meant it, where its JSON says otherwise: the patterns of the
     * extension-field parameters escape their backslashes twice (the pattern of {@code EQ_} fields
     * asks for a backslash before the colon, so no {@code EQ_prefix:field} would pass), and
     * {@code "nullable"} is OpenAPI's word that JSON Schema does not know ({@code EXISTS_…: null}
     * is what it allows).
     */
    static JsonNode asGs1Meant(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("nullable").asBoolean(false) && object.path("type").isString()) {
                String type = object.get("type").asString();
                object.putArray("type").add(type).add("null");
                object.remove("nullable");
            }
            JsonNode patterns = object.get("patternProperties");
            if (patterns instanceof ObjectNode patternProperties) {
                ObjectNode fixed = patternProperties.objectNode();
                patternProperties
                        .properties()
                        .forEach(entry -> fixed.set(
                                entry.getKey().replace("\\\\:", ":").replace("\\\\w", "\\w"), entry.getValue()));
                object.set("patternProperties", fixed);
            }
            object.properties().forEach(entry -> asGs1Meant(entry.getValue()));
        } else if (node != null && node.isArray()) {
            node.forEach(NamedQueries::asGs1Meant);
        }
        return node;
    }

    /** Checks a definition ({@code {"name", "query"}}) and the prefixes it would be read with. */
    NamedQuery check(String mspId, JsonNode definition, Map<String, String> headerPrefixes) {
        String name = definition.path("name").asString("");
        if (!NAME.matcher(name).matches()) {
            throw invalid("name is 1 to 200 letters, digits, '.', '_', '~' or '-', starting with a letter or digit");
        }
        JsonNode query = definition.get("query");
        if (query == null || !query.isObject()) {
            throw invalid("query is a JSON object of SimpleEventQuery parameters");
        }
        List<String> problems = schema.validate(query).stream()
                .limit(20)
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
        if (!problems.isEmpty()) {
            throw invalid("not valid against the EPCIS 2.0 query schema: " + String.join("; ", problems));
        }
        Map<String, String> prefixes = new LinkedHashMap<>(headerPrefixes);
        Namespaces.declared(query.get("@context"), prefixes);
        return new NamedQuery(
                mspId, name, query, prefixes, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    void create(NamedQuery query, String username) {
        ObjectNode stored = json.createObjectNode();
        stored.set("query", query.query());
        stored.set("prefixes", json.valueToTree(query.prefixes()));
        try {
            jdbc.sql(
                            "INSERT INTO epcis_named_query (msp_id, name, definition, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(query.mspId(), query.name(), json.writeValueAsString(stored), username, query.createdAt())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ApiException("EPCIS_QUERY_EXISTS", "your organisation already has a query named " + query.name());
        }
    }

    public Optional<NamedQuery> find(String mspId, String name) {
        return jdbc.sql(
                        "SELECT msp_id, name, definition, created_at FROM epcis_named_query WHERE msp_id = ? AND name = ?")
                .params(mspId, name)
                .query((rs, row) -> read(rs))
                .optional();
    }

    public NamedQuery get(String mspId, String name) {
        return find(mspId, name).orElseThrow(() -> new ApiException("EPCIS_QUERY_NOT_FOUND", "no query named " + name));
    }

    /** One page of an organisation's queries by name, after {@code after}. */
    List<NamedQuery> list(String mspId, String after, int max) {
        return jdbc.sql(
                        "SELECT msp_id, name, definition, created_at FROM epcis_named_query WHERE msp_id = ? AND name > ? "
                                + "ORDER BY name FETCH FIRST " + max + " ROWS ONLY")
                .params(mspId, after == null ? "" : after)
                .query((rs, row) -> read(rs))
                .list();
    }

    boolean delete(String mspId, String name) {
        return jdbc.sql("DELETE FROM epcis_named_query WHERE msp_id = ? AND name = ?")
                        .params(mspId, name)
                        .update()
                > 0;
    }

    private NamedQuery read(java.sql.ResultSet rs) throws java.sql.SQLException {
        JsonNode stored = json.readTree(rs.getString("definition"));
        return new NamedQuery(
                rs.getString("msp_id"),
                rs.getString("name"),
                stored.get("query"),
                json.convertValue(stored.get("prefixes"), PREFIXES),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static ApiException invalid(String reason) {
        return new ApiException("EPCIS_INVALID_NAMED_QUERY", reason);
    }
}
