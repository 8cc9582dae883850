package io.heitu.service.problem;

import io.heitu.service.origin.PublicOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents: a stable {@code code}, a title and detail in the caller's
 * language (zh-CN unless {@code Accept-Language} asks for English), and for ledger refusals the
 * chaincode's own explanation. Never a stack trace.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final PublicOrigin origin;

    public Problems(MessageSource messages, LocaleResolver locales, JsonMapper json, PublicOrigin origin) {
        this.origin = origin;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public ProblemDetail problem(String code, HttpServletRequest request, String reason) {
        HttpStatus status = ProblemCode.status(code);
        Locale locale = locales.resolveLocale(request);
        boolean epcis = EpcisExceptions.applies(request.getRequestURI());
        if (epcis) {
            status = EpcisExceptions.status(code, status);
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(epcis ? EpcisExceptions.type(code, status) : "urn:heitu:problem:" + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, code, locale));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", null, problem.getTitle(), locale));
        try {
            // The EPCIS bindings want an absolute URI here (on the configured origin, not the Host
            // header); elsewhere the path says it.
            problem.setInstance(URI.create(epcis ? origin.url(request) : request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // A request URI the container let through but java.net.URI refuses: no instance then.
        }
        problem.setProperty("code", code);
        if (reason != null && !reason.isBlank()) {
            problem.setProperty("reason", reason);
        }
        return problem;
    }

    public ResponseEntity<ProblemDetail> response(String code, HttpServletRequest request, String reason) {
        ProblemDetail problem = problem(code, request, reason);
        return ResponseEntity.status(problem.getStatus())
                .contentType(PROBLEM_JSON)
                .body(problem);
    }

    /** Entry point for missing or bad credentials on the API. */
    public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"heitu\", Bearer");
        write(response, problem("UNAUTHENTICATED", request, null));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, problem("FORBIDDEN", request, null));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
