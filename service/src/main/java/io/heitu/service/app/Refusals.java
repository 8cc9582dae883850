package io.heitu.service.app;

import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.problem.ApiException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The chaincode's own explanation is English and dates in UTC: an English page shows it with
     * its times in Beijing time; a Chinese page shows only the Chinese texts, never English or codes.
     */
    private Refusal refusal(String code, String reason) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("problem." + code + ".title", null, code, locale);
        String detail = messages.getMessage("problem." + code + ".detail", null, "", locale);
        boolean english = "en".equals(locale.getLanguage());
        return new Refusal(code, title, detail, english && reason != null ? beijingTimes(reason) : null, reason);
    }

    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

    /** Every ISO-8601 time in the text written as Beijing wall-clock time. */
    static String beijingTimes(String text) {
        Matcher matcher = INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String time;
            try {
                time = OffsetDateTime.parse(matcher.group())
                                .atZoneSameInstant(FormErrors.CHINA)
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))
                        + " (China time)";
            } catch (DateTimeParseException e) {
                time = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(time));
        }
        matcher.appendTail(out);
        return out.toString();
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
