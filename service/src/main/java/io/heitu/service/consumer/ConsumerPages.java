package io.heitu.service.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the consumer pages with Thymeleaf in the language the page asks for ({@code ?lang=en}),
 * Chinese otherwise: a phone's Accept-Language does not switch a Chinese product's page.
 */
@Component
class ConsumerPages {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ITemplateEngine templates;
    private final MessageSource messages;

    ConsumerPages(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    static Locale locale(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }

    /** The verdict page; {@code s} is the code's signature, kept in the language switch link. */
    String result(Resolution resolution, Locale locale, String anchor, String s) {
        Context context = context(locale, anchor, s);
        context.setVariable("r", resolution);
        context.setVariable("p", resolution.page());
        return templates.process("consumer/page", context);
    }

    String invalid(Locale locale, String anchor) {
        Context context = context(locale, anchor, null);
        context.setVariable("r", null);
        context.setVariable("p", null);
        return templates.process("consumer/page", context);
    }

    /** The upload form; {@code error} is a text key when the last upload failed. */
    String scan(Locale locale, String error) {
        Context context = context(locale, "/scan", null);
        context.setVariable("error", error);
        return templates.process("consumer/scan", context);
    }

    private Context context(Locale locale, String anchor, String s) {
        boolean english = "en".equals(locale.getLanguage());
        String query = s == null ? "" : "s=" + s;
        String other = english ? "" : "lang=en";
        String switchQuery = query.isEmpty() ? other : other.isEmpty() ? query : query + "&" + other;
        Context context = new Context(locale);
        context.setVariables(Map.of(
                "lang",
                english ? "en" : "zh-CN",
                "otherLang",
                english ? "zh-CN" : "en",
                "switchHref",
                anchor + (switchQuery.isEmpty() ? "" : "?" + switchQuery),
                "f",
                new PageFormat(messages, locale)));
        return context;
    }
}
