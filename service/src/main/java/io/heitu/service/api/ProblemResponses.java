package io.heitu.service.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents, on every operation of the OpenAPI document, the problem+json answers the service
 * gives around the controllers: what {@code ProblemAdvice}, the request limits, the rate limits
 * and Spring Security answer for any request (400 malformed, 404, 406, 413, 415, 422 refused by a
 * rule, 503 ledger down), for signed-in operations 401 and 403, for public ones 429, and for writes
 * 409. So a client (and the fuzzer's status conformance check) knows every status an operation can
 * answer: nothing else is ever sent.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null) {
            openApi.getComponents().addSchemas(PROBLEM, schema());
        }
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            boolean open = path.startsWith("/api/public/") || path.startsWith("/01/") || path.startsWith("/scan");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.readOperationsMap().entrySet()) {
                document(entry.getKey(), entry.getValue(), open);
            }
        });
    }

    private static void document(PathItem.HttpMethod method, Operation operation, boolean open) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        // A controller returning ResponseEntity is documented as 200 whatever it sets: a POST may
        // create (201, or 202 for a job), a DELETE answers 204.
        ApiResponse ok = responses.get("200");
        if (ok != null && method == PathItem.HttpMethod.POST) {
            responses.putIfAbsent(
                    "201", new ApiResponse().description("Created").content(ok.getContent()));
            responses.putIfAbsent(
                    "202",
                    new ApiResponse().description("Accepted: a job to follow").content(ok.getContent()));
        }
        if (method == PathItem.HttpMethod.DELETE) {
            responses.putIfAbsent("204", new ApiResponse().description("Done; nothing to say"));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put(
                "400",
                "Malformed request: a parameter, body or header that cannot be read (MALFORMED_REQUEST, INVALID_…)");
        problems.put("404", "No such resource (…_NOT_FOUND)");
        problems.put("406", "None of the accepted media types can be given (NOT_ACCEPTABLE)");
        problems.put("413", "Body larger than allowed (PAYLOAD_TOO_LARGE)");
        problems.put("415", "Body of a media type the operation does not take (UNSUPPORTED_MEDIA_TYPE)");
        problems.put("422", "Refused by a rule of the ledger or the service (a stable code names it)");
        problems.put("503", "The ledger or a worker is unavailable for now (LEDGER_UNAVAILABLE, …_BUSY)");
        if (open) {
            problems.put("429", "Too many requests from this client (RATE_LIMITED); see Retry-After");
        } else {
            problems.put("401", "No or wrong credentials (UNAUTHENTICATED)");
            problems.put("403", "The role or organisation may not do this (FORBIDDEN…)");
            problems.put("429", "Too many wrong passwords for this account or client (LOGIN_LOCKED); see Retry-After");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            problems.put("409", "Conflicts with the ledger's state (…_EXISTS, LOT_ON_HOLD, CONCURRENT_UPDATE, …)");
        }
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                ApiResponse response = new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                if ("429".equals(status)) {
                    response.addHeaderObject("Retry-After", new Header().schema(new IntegerSchema()));
                }
                responses.addApiResponse(status, response);
            }
        });
        operation.setResponses(responses);
    }

    private static Schema<?> schema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details with a stable code")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema())
                .addProperty("reason", new StringSchema());
    }
}
