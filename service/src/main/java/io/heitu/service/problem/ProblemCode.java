package io.heitu.service.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * HTTP status for every stable error code: the chaincode's codes (the same on every ledger) and
 * the service's own. Unknown codes from a newer chaincode fall back to 422.
 */
public final class ProblemCode {

    private static final Map<String, HttpStatus> STATUS = Map.ofEntries(
            Map.entry("MALFORMED_REQUEST", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_ARGUMENT", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_GTIN", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_GLN", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_SSCC", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_LOT_CODE", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_USCC", HttpStatus.BAD_REQUEST),
            Map.entry("UNKNOWN_CBV_VALUE", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_SERIAL", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_DIGITAL_LINK", HttpStatus.BAD_REQUEST),
            Map.entry("INVALID_KEY", HttpStatus.BAD_REQUEST),
            Map.entry("QR_CODE_NOT_FOUND", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("FONT_NOT_FOUND", HttpStatus.INTERNAL_SERVER_ERROR),
            Map.entry("INVALID_TIME", HttpStatus.BAD_REQUEST),
            Map.entry("FUTURE_EVENT_TIME", HttpStatus.BAD_REQUEST),
            Map.entry("UNAUTHENTICATED", HttpStatus.UNAUTHORIZED),
            Map.entry("FORBIDDEN", HttpStatus.FORBIDDEN),
            Map.entry("FORBIDDEN_ROLE", HttpStatus.FORBIDDEN),
            Map.entry("FORBIDDEN_ORGANISATION", HttpStatus.FORBIDDEN),
            Map.entry("FORBIDDEN_NOT_OWNER", HttpStatus.FORBIDDEN),
            Map.entry("FORBIDDEN_READ", HttpStatus.FORBIDDEN),
            Map.entry("FORBIDDEN_TERMS", HttpStatus.FORBIDDEN),
            Map.entry("FORBIDDEN_OVERSIGHT_STEP", HttpStatus.FORBIDDEN),
            Map.entry("FREEZE_NOT_YOURS", HttpStatus.FORBIDDEN),
            Map.entry("ORGANISATION_NOT_ON_CHANNEL", HttpStatus.FORBIDDEN),
            Map.entry("NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("ORGANISATION_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("LOCATION_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("PRODUCT_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("LOT_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("EVENT_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("TERMS_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("CERTIFICATE_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("SIGNING_KEY_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("ISSUANCE_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("LABEL_JOB_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("LABEL_JOB_NOT_DONE", HttpStatus.CONFLICT),
            Map.entry("DECODER_BUSY", HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry("RATE_LIMITED", HttpStatus.TOO_MANY_REQUESTS),
            Map.entry("SERVICE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry("LOGIN_LOCKED", HttpStatus.TOO_MANY_REQUESTS),
            Map.entry("READ_MODEL_BEHIND", HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry("USER_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("METHOD_NOT_ALLOWED", HttpStatus.METHOD_NOT_ALLOWED),
            Map.entry("NOT_ACCEPTABLE", HttpStatus.NOT_ACCEPTABLE),
            Map.entry("ORGANISATION_EXISTS", HttpStatus.CONFLICT),
            Map.entry("LOCATION_EXISTS", HttpStatus.CONFLICT),
            Map.entry("PRODUCT_EXISTS", HttpStatus.CONFLICT),
            Map.entry("LOT_EXISTS", HttpStatus.CONFLICT),
            Map.entry("CERTIFICATE_EXISTS", HttpStatus.CONFLICT),
            Map.entry("SIGNING_KEY_EXISTS", HttpStatus.CONFLICT),
            Map.entry("EVIDENCE_EXISTS", HttpStatus.CONFLICT),
            Map.entry("EVIDENCE_UNREADABLE", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("EVIDENCE_TOO_LARGE", HttpStatus.CONTENT_TOO_LARGE),
            Map.entry("EVIDENCE_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("EVIDENCE_MISMATCH", HttpStatus.CONFLICT),
            Map.entry("EVIDENCE_BUSY", HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry("USER_EXISTS", HttpStatus.CONFLICT),
            Map.entry("LOT_ON_HOLD", HttpStatus.CONFLICT),
            Map.entry("LOT_RECALLED", HttpStatus.CONFLICT),
            Map.entry("LOT_NOT_ON_HOLD", HttpStatus.CONFLICT),
            Map.entry("CERTIFICATE_REVOKED", HttpStatus.CONFLICT),
            Map.entry("SIGNING_KEY_REVOKED", HttpStatus.CONFLICT),
            Map.entry("CONCURRENT_UPDATE", HttpStatus.CONFLICT),
            Map.entry("PAYLOAD_TOO_LARGE", HttpStatus.CONTENT_TOO_LARGE),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
            Map.entry("INSUFFICIENT_QUANTITY", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("NOTHING_IN_TRANSIT", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("UNIT_MISMATCH", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("MASS_BALANCE_VIOLATED", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("PRE_HARVEST_INTERVAL", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("INSPECTION_REQUIRED", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("LIMIT_EXCEEDED", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("CODES_EXCEED_UNITS", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("LOT_USED_UP", HttpStatus.CONFLICT),
            Map.entry("DUPLICATE_EVENT", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("LATE_RECORDING", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("RETURN_NOT_TO_SUPPLIER", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("HOLD_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("HOLD_INHERITED", HttpStatus.CONFLICT),
            Map.entry("HOLD_AMBIGUOUS", HttpStatus.CONFLICT),
            Map.entry("YIELD_EXCEEDED", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("YIELD_NOT_REGISTERED", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("NOT_IN_GI_AREA", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("GTIN_NOT_OWNED", HttpStatus.FORBIDDEN),
            Map.entry("GS1_PREFIX_NOT_OWNED", HttpStatus.FORBIDDEN),
            Map.entry("GS1_PREFIX_TAKEN", HttpStatus.CONFLICT),
            Map.entry("LEDGER_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry("EPCIS_INVALID_DOCUMENT", HttpStatus.BAD_REQUEST),
            Map.entry("EPCIS_INVALID_QUERY", HttpStatus.BAD_REQUEST),
            Map.entry("EPCIS_EVENT_EXISTS", HttpStatus.CONFLICT),
            Map.entry("EPCIS_CAPTURE_LIMIT", HttpStatus.CONTENT_TOO_LARGE),
            Map.entry("CAPTURE_JOB_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("EPCIS_QUERY_TOO_LARGE", HttpStatus.CONTENT_TOO_LARGE),
            Map.entry("EPCIS_QUERY_TOO_COMPLEX", HttpStatus.CONTENT_TOO_LARGE),
            Map.entry("EPCIS_QUERY_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("EPCIS_QUERY_EXISTS", HttpStatus.CONFLICT),
            Map.entry("EPCIS_INVALID_NAMED_QUERY", HttpStatus.BAD_REQUEST),
            Map.entry("EPCIS_SUBSCRIPTION_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("EPCIS_INVALID_SUBSCRIPTION", HttpStatus.BAD_REQUEST),
            Map.entry("EPCIS_INVALID_HEADER", HttpStatus.BAD_REQUEST),
            Map.entry("EPCIS_VERSION_NOT_SUPPORTED", HttpStatus.NOT_ACCEPTABLE),
            Map.entry("URI_TOO_LONG", HttpStatus.URI_TOO_LONG),
            Map.entry("CAPTURE_INTERRUPTED", HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR));

    private ProblemCode() {}

    public static HttpStatus status(String code) {
        return STATUS.getOrDefault(code, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** Every code the service knows, for the messages test. */
    public static java.util.Set<String> all() {
        return STATUS.keySet();
    }
}
