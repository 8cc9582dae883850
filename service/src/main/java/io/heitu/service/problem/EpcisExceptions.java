package io.heitu.service.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Problems on the EPCIS 2.0 interface ({@code /epcis}) in the REST bindings' words: the type is the
 * standard's exception ({@code epcisException:QueryParameterException} …), our stable {@code code}
 * stays beside it, and statuses the bindings do not know for an operation are the ones they do (a
 * business rule the ledger refuses is a {@code ValidationException}, 400).
 */
public final class EpcisExceptions {

    static final String PATH = "/epcis";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("EPCIS_INVALID_DOCUMENT", "ValidationException"),
            Map.entry("MALFORMED_REQUEST", "ValidationException"),
            Map.entry("EPCIS_INVALID_HEADER", "ValidationException"),
            Map.entry("EPCIS_INVALID_QUERY", "QueryParameterException"),
            Map.entry("EPCIS_INVALID_NAMED_QUERY", "QueryValidationException"),
            Map.entry("EPCIS_INVALID_SUBSCRIPTION", "SubscriptionControlsException"),
            Map.entry("EPCIS_QUERY_TOO_LARGE", "QueryTooLargeException"),
            Map.entry("EPCIS_QUERY_TOO_COMPLEX", "QueryTooComplexException"),
            Map.entry("EPCIS_CAPTURE_LIMIT", "CaptureLimitExceededException"),
            Map.entry("PAYLOAD_TOO_LARGE", "CaptureLimitExceededException"),
            Map.entry("EPCIS_EVENT_EXISTS", "ResourceAlreadyExistsException"),
            Map.entry("EPCIS_QUERY_EXISTS", "ResourceAlreadyExistsException"),
            Map.entry("NOT_ACCEPTABLE", "NotAcceptableException"),
            Map.entry("EPCIS_VERSION_NOT_SUPPORTED", "NotAcceptableException"),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", "UnsupportedMediaTypeException"),
            Map.entry("URI_TOO_LONG", "URITooLongException"),
            Map.entry("UNAUTHENTICATED", "SecurityException"),
            Map.entry("INTERNAL_ERROR", "ImplementationException"),
            Map.entry("LEDGER_UNAVAILABLE", "ImplementationException"),
            Map.entry("METHOD_NOT_ALLOWED", "ImplementationException"),
            Map.entry("CAPTURE_INTERRUPTED", "ImplementationException"));

    private EpcisExceptions() {}

    public static boolean applies(String path) {
        return path != null && (path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    /** The standard's exception for a code at a status. */
    public static String type(String code, HttpStatus status) {
        String type = TYPES.get(code);
        if (type == null) {
            type = switch (status.value()) {
                case 401, 403 -> "SecurityException";
                case 404 -> "NoSuchNameException";
                case 409 -> "ValidationException";
                default -> status.is5xxServerError() ? "ImplementationException" : "ValidationException";
            };
        }
        return "epcisException:" + type;
    }

    /** The status on the EPCIS interface: 409 and 422 refusals of business rules become 400. */
    public static HttpStatus status(String code, HttpStatus status) {
        boolean exists = code.endsWith("_EXISTS") && code.startsWith("EPCIS_");
        if ((status.value() == 422 || status.value() == 409) && !exists) {
            return HttpStatus.BAD_REQUEST;
        }
        return status;
    }
}
