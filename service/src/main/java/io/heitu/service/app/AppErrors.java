package io.heitu.service.app;

import io.heitu.service.ledger.LedgerException;
import io.heitu.service.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Failures on web-app pages become a page in the user's language, not the API's problem+json:
 * refusals the forms did not catch (a lot that does not exist, a ledger that is down) and, logged,
 * anything unexpected. Ahead of the API's advice, which would otherwise answer for pages too.
 */
@ControllerAdvice(basePackageClasses = AppErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AppErrors {

    private static final Logger LOG = LoggerFactory.getLogger(AppErrors.class);

    private final Refusals refusals;
    private final AppModel common;

    AppErrors(Refusals refusals, AppModel common) {
        this.refusals = refusals;
        this.common = common;
    }

    @ExceptionHandler(LedgerException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String ledger(LedgerException e, Model model, HttpServletRequest request) {
        return page(model, request, refusals.of(e));
    }

    @ExceptionHandler(ApiException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String api(ApiException e, Model model, HttpServletRequest request) {
        return page(model, request, refusals.of(e));
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String unexpected(Exception e, Model model, HttpServletRequest request) {
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return page(model, request, refusals.of(new ApiException("INTERNAL_ERROR", null)));
    }

    /** Exception handlers get a fresh model: the page's header needs the user and language again. */
    private String page(Model model, HttpServletRequest request, Refusal refusal) {
        model.addAttribute("refusal", refusal);
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("me", common.me());
        model.addAttribute("lang", common.lang());
        model.addAttribute("switchHref", common.switchHref(request));
        return "app/message";
    }
}
