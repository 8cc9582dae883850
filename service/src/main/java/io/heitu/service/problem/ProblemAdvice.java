package io.heitu.service.problem;

import io.heitu.service.ledger.LedgerException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become responses: the ledger's refusals with their stable codes,
 * MVCC conflicts (409), an unreachable ledger (503 with Retry-After), Spring MVC's own errors
 * (malformed JSON, wrong method or media type, missing parameters), and anything unexpected (500,
 * logged, with no detail).
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Problems problems;

    ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(LedgerException.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(LedgerException.Rejected e, HttpServletRequest request) {
        if ("INTERNAL_ERROR".equals(e.code())) {
            LOG.error("chaincode failed unexpectedly: {}", e.detail());
            return problems.response("INTERNAL_ERROR", request, null);
        }
        return problems.response(e.code(), request, e.detail());
    }

    @ExceptionHandler(LedgerException.Conflict.class)
    ResponseEntity<ProblemDetail> conflict(LedgerException.Conflict e, HttpServletRequest request) {
        ProblemDetail problem = problems.problem("CONCURRENT_UPDATE", request, null);
        attempts(problem, e);
        return ResponseEntity.status(problem.getStatus())
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(LedgerException.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(LedgerException.Unavailable e, HttpServletRequest request) {
        LOG.warn("ledger unavailable: {}", e.getMessage());
        ProblemDetail problem = problems.problem("LEDGER_UNAVAILABLE", request, null);
        attempts(problem, e);
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }

    /** A ledger call the service retried before giving up says how often it tried. */
    private static void attempts(ProblemDetail problem, LedgerException e) {
        if (e.attempts() > 1) {
            problem.setProperty("attempts", e.attempts());
        }
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return problems.response(e.code(), request, e.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return problems.response("UNAUTHENTICATED", request, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return problems.response("FORBIDDEN", request, null);
    }

    /** A multipart body that cannot be read (no boundary, cut short): the client's fault, not ours. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(Exception e, HttpServletRequest request) {
        return problems.response("MALFORMED_REQUEST", request, "the multipart body cannot be read");
    }

    /**
     * A query string Tomcat cannot split into parameters (an empty name) or whose parameter names
     * the firewall refuses (control characters, unpaired surrogates): read lazily, so it surfaces
     * here, and it is the client's fault.
     */
    @ExceptionHandler({
        org.springframework.security.web.firewall.RequestRejectedException.class,
        org.apache.tomcat.util.http.InvalidParameterException.class
    })
    ResponseEntity<ProblemDetail> unreadableParameters(Exception e, HttpServletRequest request) {
        return problems.response("MALFORMED_REQUEST", request, "the query string cannot be read: " + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problems.response("INTERNAL_ERROR", request, null);
    }

    /** Spring MVC's own exceptions (bad JSON, 405, 415, 406, missing parameters …) in our shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        String code = switch (status.value()) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is4xxClientError() ? "MALFORMED_REQUEST" : "INTERNAL_ERROR";
        };
        if (status.is5xxServerError()) {
            LOG.error("request failed", e);
        }
        ProblemDetail problem = problems.problem(code, servletRequest, null);
        problem.setStatus(status.value());
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(Problems.PROBLEM_JSON);
        return ResponseEntity.status(status).headers(responseHeaders).body(problem);
    }
}
