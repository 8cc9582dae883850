package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.heitu.service.support.EpcisClient;
import io.heitu.service.support.EpcisClient.Answer;
import io.heitu.service.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of GS1's EPCIS 2.0 REST bindings ({@code openapi.json}, kept as a test resource,
 * unchanged), tried as a partner's client would: a valid request and invalid ones (no account, a
 * media type nobody offers, an unknown member, a body of the wrong type or shape). Each answer must
 * have a status the bindings document for the operation, a documented media type, a body valid
 * against the documented schema, and the documented headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EpcisBindingsIT extends ServiceTest {

    private static final JsonMapper JSON = EpcisIT.JSON;
    private static final JsonNode OPENAPI = asMeant(EpcisIT.resource("rest-bindings/openapi.json"));
    /** Headers the bindings document for answers that only some answers have. */
    private static final Set<String> CONDITIONAL_HEADERS = Set.of(
            "Link",
            "GS1-Next-Page-Token-Expires",
            "GS1-Query-Min-Record-Time",
            "Upgrade",
            "Connection",
            "GS1-Vendor-Version");
    /**
     * Client errors the bindings give an operation no status for, answered with the status and
     * exception the bindings use for the same fault elsewhere: an invalid named query (400
     * QueryValidationException), an invalid subscription (400 SubscriptionControlsException), an
     * unknown query parameter on a top-level resource (400 QueryParameterException).
     */
    private static final Map<String, Set<Integer>> UNDOCUMENTED = Map.of(
            "POST /queries", Set.of(400),
            "POST /queries/{queryName}/subscriptions", Set.of(400),
            "GET /events", Set.of(400),
            "GET /queries/{queryName}/subscriptions", Set.of(400));

    private final Map<String, String> members = new LinkedHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final List<String> checked = new ArrayList<>();
    private final SoftAssertions softly = new SoftAssertions();
    private String run;

    EpcisClient epcis() {
        return new EpcisClient("http://localhost:" + port);
    }

    @BeforeAll
    void members() {
        run = UUID.randomUUID().toString().substring(0, 8);
        EpcisClient epcis = epcis();
        List<ObjectNode> events = EpcisIT.upstream(run, 1);
        events.get(0).putArray("epcList").add("urn:epc:id:sgtin:4012345.011111." + run);
        events.get(0).putObject("readPoint").put("id", "urn:epc:id:sgln:4012345.00001." + run);
        events.get(0).putObject("bizLocation").put("id", "urn:epc:id:sgln:4012345.00002." + run);
        events.get(0).put("disposition", "in_progress");
        JsonNode job = epcis.capture("grocer", EpcisIT.document(events));
        members.put("eventID", job.at("/results/0/eventID").asString());
        members.put("captureID", job.path("captureID").asString());
        members.put("eventType", "ObjectEvent");
        members.put("epc", "urn:epc:id:sgtin:4012345.011111." + run);
        members.put("bizStep", "receiving");
        members.put("bizLocation", "urn:epc:id:sgln:4012345.00002." + run);
        members.put("readPoint", "urn:epc:id:sgln:4012345.00001." + run);
        members.put("disposition", "in_progress");
        String query = "bindings-" + run;
        epcis.send(
                "grocer",
                "POST",
                "/epcis/queries",
                "application/json",
                JSON.writeValueAsBytes(JSON.readTree("{\"name\":\"" + query
                        + "\",\"query\":{\"EQ_bizStep\":[\"receiving\"],\"eventType\":[\"ObjectEvent\"]}}")));
        members.put("queryName", query);
        Answer subscribed = epcis.send(
                "grocer",
                "POST",
                "/epcis/queries/" + query + "/subscriptions",
                "application/json",
                JSON.writeValueAsBytes(JSON.readTree("{\"dest\":\"http://127.0.0.1:9/never\",\"stream\":true}")));
        members.put("subscriptionID", subscribed.json().path("subscriptionID").asString());
        Answer page = epcis.get("grocer", "/epcis/events?perPage=1");
        String next = page.next();
        members.put("token", next.substring(next.indexOf("nextPageToken=") + "nextPageToken=".length()));
    }

    @Test
    void every_operation_answers_as_the_bindings_say() {
        // Deletions last, the deepest first, so that no operation finds its member gone.
        List<String[]> operations = new ArrayList<>();
        OPENAPI.path("paths")
                .properties()
                .forEach(path -> path.getValue().propertyNames().forEach(method -> {
                    if (!method.equals("parameters")) {
                        operations.add(new String[] {method.toUpperCase(), path.getKey()});
                    }
                }));
        operations.sort(java.util.Comparator.comparing((String[] o) -> o[0].equals("DELETE"))
                .thenComparing(o -> o[0].equals("DELETE") ? -o[1].length() : 0));
        for (String[] operation : operations) {
            JsonNode spec = OPENAPI.path("paths").path(operation[1]).path(operation[0].toLowerCase());
            for (Request request : requests(operation[0], operation[1])) {
                Answer answer = epcis().send(
                                request.user(),
                                operation[0],
                                request.path(),
                                request.contentType(),
                                request.body(),
                                request.headers());
                check(operation[0] + " " + operation[1], spec, request, answer);
            }
        }
        softly.assertAll();
        assertThat(checked).hasSizeGreaterThan(100);
    }

    /** A request, what it is for, and whether it should succeed. */
    private record Request(
            String why, String user, String path, String contentType, byte[] body, boolean valid, String... headers) {}

    private List<Request> requests(String method, String template) {
        List<Request> requests = new ArrayList<>();
        String path = "/epcis" + fill(template, members);
        String unknown = "/epcis"
                + fill(
                        template,
                        Map.of(
                                "eventID",
                                "urn:uuid:" + UUID.randomUUID(),
                                "captureID",
                                UUID.randomUUID().toString(),
                                "eventType",
                                "NoSuchEvent",
                                "epc",
                                "urn:epc:id:sgtin:0000000.000000.none",
                                "bizStep",
                                "no_such_step",
                                "bizLocation",
                                "urn:epc:id:sgln:0000000.00000.none",
                                "readPoint",
                                "urn:epc:id:sgln:0000000.00000.none",
                                "disposition",
                                "no_such_disposition",
                                "queryName",
                                "no-such-query",
                                "subscriptionID",
                                "none"));
        String query = path.endsWith("/events") && method.equals("GET") ? "?perPage=2" : "";
        byte[] body = body(method, template);
        String type = body == null
                ? null
                : EpcisClient.LD.replace("ld+json", template.contains("queries") ? "json" : "ld+json");
        boolean token = template.startsWith("/nextPageToken");
        requests.add(new Request("valid", "grocer", path + query, type, body, true));
        if (token) {
            return requests;
        }
        requests.add(new Request("no account", null, path + query, type, body, false));
        requests.add(
                new Request("Accept nobody offers", "grocer", path + query, type, body, false, "Accept", "text/csv"));
        requests.add(new Request(
                "GS1-EPCIS-Version nobody speaks",
                "grocer",
                path + query,
                type,
                body,
                false,
                "GS1-EPCIS-Version",
                "1.2.0"));
        if (template.contains("{")) {
            requests.add(new Request("unknown member", "grocer", unknown, type, body, false));
        }
        if (body != null) {
            requests.add(new Request("wrong media type", "grocer", path, "text/plain", body, false));
            requests.add(new Request("multipart without boundary", "grocer", path, "multipart/form-data", body, false));
            requests.add(new Request(
                    "invalid body",
                    "grocer",
                    path,
                    type,
                    "{\"type\":\"nonsense\"}".getBytes(StandardCharsets.UTF_8),
                    false));
        }
        if (method.equals("GET") && template.endsWith("/events") && !template.startsWith("/queries")) {
            requests.add(new Request("unknown parameter", "grocer", path + "?EQ_colour=red", null, null, false));
        }
        return requests;
    }

    private byte[] body(String method, String template) {
        if (!method.equals("POST")) {
            return null;
        }
        return switch (template) {
            case "/capture" ->
                JSON.writeValueAsBytes(
                        EpcisIT.document(EpcisIT.upstream(UUID.randomUUID().toString(), 2)));
            case "/events" ->
                JSON.writeValueAsBytes(EpcisIT.withContext(
                        EpcisIT.upstream(UUID.randomUUID().toString(), 1).get(0)));
            case "/queries" ->
                ("{\"name\":\"q-" + UUID.randomUUID() + "\",\"query\":{\"eventType\":[\"ObjectEvent\"]}}")
                        .getBytes(StandardCharsets.UTF_8);
            case "/queries/{queryName}/subscriptions" ->
                "{\"dest\":\"http://127.0.0.1:9/never\",\"stream\":true}".getBytes(StandardCharsets.UTF_8);
            default -> throw new AssertionError("no body for POST " + template);
        };
    }

    private void check(String operation, JsonNode spec, Request request, Answer answer) {
        String what = operation + " (" + request.why() + "): " + answer;
        String status = Integer.toString(answer.status());
        JsonNode responses = spec.path("responses");
        if (request.valid()) {
            softly.assertThat(answer.status()).as(what).isBetween(200, 299);
        }
        softly.assertThat(answer.status()).as(what).isLessThan(500);
        if (!responses.has(status)) {
            softly.assertThat(UNDOCUMENTED.getOrDefault(operation, Set.of()))
                    .as("status documented: " + what)
                    .contains(answer.status());
            checked.add(what);
            return;
        }
        JsonNode response = resolve(responses.get(status));
        JsonNode content = response.path("content");
        if (!content.isEmpty() && !answer.body().isEmpty()) {
            String type = answer.contentType().replaceFirst(";.*", "").strip();
            String documented = content.has(type) ? type : null;
            // RFC 9457's media type is JSON's: where the bindings say application/json for a
            // problem, application/problem+json is that document.
            if (documented == null && type.equals("application/problem+json") && content.has("application/json")) {
                documented = "application/json";
            }
            softly.assertThat(documented)
                    .as("media type documented: " + what + " documented " + content.propertyNames())
                    .isNotNull();
            if (documented != null && documented.endsWith("json")) {
                String pointer = "/paths/" + escape(operation.substring(operation.indexOf(' ') + 1)) + "/"
                        + operation.substring(0, operation.indexOf(' ')).toLowerCase() + "/responses/" + status;
                softly.assertThat(schema(responses.get(status), documented, pointer).validate(answer.json()).stream()
                                .map(Object::toString)
                                .filter(problem -> !problem.matches(".*(" + EpcisIT.GS1_SCHEMA_DISAGREEMENTS + ").*")))
                        .as("schema of " + what)
                        .isEmpty();
            }
        }
        response.path("headers").propertyNames().forEach(header -> {
            if (!CONDITIONAL_HEADERS.contains(header) && answer.status() / 100 == 2) {
                softly.assertThat(answer.header(header))
                        .as(header + " of " + what)
                        .isNotNull();
            }
        });
        checked.add(what);
    }

    /** The schema of a documented answer, its references resolved against the whole openapi.json. */
    private Schema schema(JsonNode response, String mediaType, String pointer) {
        String key = pointer + "|" + mediaType;
        return schemas.computeIfAbsent(key, k -> {
            String schemaPointer = response.has("$ref")
                    ? response.get("$ref").asString().substring(1) + "/content/" + escape(mediaType) + "/schema"
                    : pointer + "/content/" + escape(mediaType) + "/schema";
            ObjectNode root = ((ObjectNode) OPENAPI).deepCopy();
            root.put("$ref", "#" + schemaPointer);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(root);
        });
    }

    /**
     * The bindings as GS1 mean them. A capture job's {@code oneOf} between {@code errors} and {@code
     * errorFile} requires neither, so every object is valid to both and no capture job, GS1's own
     * example included, can pass it: it is read as "not both". The 409 answer's status is
     * documented as 406 (a copy of the answer above it): read as 409.
     */
    private static JsonNode asMeant(JsonNode openapi) {
        ObjectNode copy = ((ObjectNode) openapi).deepCopy();
        ObjectNode job = (ObjectNode) copy.at("/components/schemas/CaptureJob");
        tools.jackson.databind.node.ArrayNode allOf = (tools.jackson.databind.node.ArrayNode) job.get("allOf");
        JsonNode either = allOf.get(1).get("oneOf");
        ObjectNode meant = JSON.createObjectNode();
        ObjectNode properties = meant.putObject("properties");
        either.forEach(branch -> properties.setAll((ObjectNode) branch.get("properties")));
        meant.putObject("not").putArray("required").add("errors").add("errorFile");
        allOf.set(1, meant);
        copy.at("/components/responses/409ResourceAlreadyExistsException/content")
                .forEach(content -> ((ObjectNode) content.at("/schema/allOf/0/properties/status"))
                        .put("default", 409)
                        .putArray("enum")
                        .add(409));
        return copy;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? OPENAPI.at(node.get("$ref").asString().substring(1)) : node;
    }

    private static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", EpcisClient.encode(value.getValue()));
        }
        return path;
    }
}
