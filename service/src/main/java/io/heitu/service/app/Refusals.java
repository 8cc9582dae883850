package io.heitu.service.app;

import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.problem.ApiException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A ledger refusal in words for a form: the same stable code and zh/en texts the API's
 * problem+json carries, plus the chaincode's own explanation, which names the field at fault.
 */
@Component
class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    /** A refusal decided by the service itself, e.g. codes asked for before a required inspection. */
    Refusal of(ApiException e) {
        return refusal(e.code(), e.getMessage());
    }

    Refusal of(LedgerException e) {
        String code = "LEDGER_UNAVAILABLE";
        String reason = null;
        if (e instanceof LedgerException.Rejected rejected) {
            code = rejected.code();
            reason = rejected.detail();
        } else if (e instanceof LedgerException.Conflict) {
            code = "CONCURRENT_UPDATE";
        }
        if ("INTERNAL_ERROR".equals(code)) {
            LOG.error("chaincode failed unexpectedly: {}", reason);
            reason = null;
        }
        return refusal(code, reason);
    }

    private Refusal refusal(String code, String reason) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("problem." + code + ".title", null, code, locale);
        String detail = messages.getMessage("problem." + code + ".detail", null, "", locale);
        return new Refusal(code, title, detail, reason);
    }

    /**
     * Runs a ledger write; a refusal goes into the model as {@code refusal}, with the form's field it
     * is about marked ({@code formFields}: the form's field names), and the answer is empty.
     */
    Optional<Receipt<?>> attempt(Model model, Supplier<Receipt<?>> write, String... formFields) {
        try {
            return Optional.of(write.get());
        } catch (LedgerException e) {
            Refusal refusal = of(e);
            model.addAttribute("refusal", refusal);
            model.addAttribute("errors", FieldErrors.refusal(refusal, formFields));
            return Optional.empty();
        }
    }
}
