package io.heitu.service.consumer;

import io.heitu.service.evidence.Evidence;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the consumer pages with Thymeleaf in the language the page asks for ({@code ?lang=en}),
 * Chinese otherwise: a phone's Accept-Language does not switch a Chinese product's page. Styles are
 * static files with their content hash in the name (cached for a year), so the pages run under a
 * content security policy that allows no inline style or script.
 */
@Component
class ConsumerPages {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final ResourceUrlProvider resources;
    private final Evidence evidence;

    ConsumerPages(ITemplateEngine templates, MessageSource messages, ResourceUrlProvider resources, Evidence evidence) {
        this.templates = templates;
        this.messages = messages;
        this.resources = resources;
        this.evidence = evidence;
    }

    static Locale locale(String lang) {
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en")
                ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * The verdict page.
     *
     * @param anchor the page's own absolute URL without query
     * @param query what the page keeps in its language switch: the code's signature or the preview
     */
    String result(Resolution resolution, Locale locale, String anchor, String query) {
        Context context = context(locale, anchor, query);
        PageFormat f = (PageFormat) context.getVariable("f");
        PageView view = new PageView(resolution, evidence);
        context.setVariable("r", resolution);
        context.setVariable("p", resolution.page());
        context.setVariable("v", view);
        context.setVariable("description", view.description(f));
        context.setVariable("index", resolution.genuine() && !resolution.code().perUnit() && !resolution.preview());
        context.setVariable(
                "map",
                resolution.page() == null
                                || resolution.page().origin() == null
                                || resolution.page().origin().plot() == null
                        ? null
                        : OriginMap.svg(
                                resolution.page().origin().plot().geo(),
                                "en".equals(locale.getLanguage()),
                                f.text(
                                        "page.origin.map",
                                        resolution.page().origin().county())));
        return templates.process("consumer/page", context);
    }

    /** A page with no verdict: a link that is no code ({@code page.invalid}) or an expired preview. */
    String notice(Locale locale, String anchor, String textKey) {
        Context context = context(locale, anchor, null);
        context.setVariable("r", null);
        context.setVariable("p", null);
        context.setVariable("notice", textKey);
        context.setVariable("description", messages.getMessage(textKey + ".detail", null, "", locale));
        context.setVariable("index", false);
        return templates.process("consumer/page", context);
    }

    /** The scan page; {@code error} is a text key when the last photo or typed code failed. */
    String scan(Locale locale, String error, Map<String, String> typed) {
        Context context = context(locale, "/scan", null);
        context.setVariable("error", error);
        context.setVariable("typed", typed == null ? Map.of() : typed);
        return templates.process("consumer/scan", context);
    }

    private Context context(Locale locale, String anchor, String query) {
        boolean english = "en".equals(locale.getLanguage());
        String kept = query == null ? "" : query;
        String other = english ? "" : "lang=en";
        String switchQuery = kept.isEmpty() ? other : other.isEmpty() ? kept : kept + "&" + other;
        Context context = new Context(locale);
        Map<String, Object> variables = new HashMap<>();
        variables.put("lang", english ? "en" : "zh-CN");
        variables.put("otherLang", english ? "zh-CN" : "en");
        // The switch is a path on whatever origin the browser is on; the alternates and share cards
        // name the resolver's configured origin (the anchor is built on it, never on Host).
        String path = anchor.substring(origin(anchor).length());
        variables.put("switchHref", path + (switchQuery.isEmpty() ? "" : "?" + switchQuery));
        variables.put("zhHref", anchor + (kept.isEmpty() ? "" : "?" + kept));
        variables.put("enHref", anchor + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=en");
        variables.put("origin", origin(anchor));
        variables.put("css", css());
        variables.put("icon", url("/img/icon.svg"));
        variables.put("f", new PageFormat(messages, locale));
        context.setVariables(variables);
        return context;
    }

    private Map<String, String> css() {
        return Map.of("site", url("/css/site.css"), "consumer", url("/css/consumer.css"));
    }

    /** The static file's versioned path ({@code /css/site-<hash>.css}). */
    private String url(String path) {
        String versioned = resources.getForLookupPath(path);
        return versioned == null ? path : versioned;
    }

    /** {@code https://host:port} of an absolute URL; empty for a path. */
    private static String origin(String anchor) {
        int scheme = anchor.indexOf("://");
        if (scheme < 0) {
            return "";
        }
        int path = anchor.indexOf('/', scheme + 3);
        return path < 0 ? anchor : anchor.substring(0, path);
    }
}
