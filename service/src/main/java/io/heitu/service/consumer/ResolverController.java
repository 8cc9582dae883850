package io.heitu.service.consumer;

import io.heitu.service.ledger.LedgerException;
import io.heitu.service.origin.PublicOrigin;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.QrException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The GS1 Digital Link resolver: what a phone opens when it scans a code. The page in Chinese by
 * default ({@code ?lang=en} for English), the same answer as JSON on {@code Accept:
 * application/json}, the linkset on {@code ?linkType=all}. Every answer is fresh (verdicts change)
 * and carries a {@code Link} header to the linkset.
 *
 * <p>A page view counts as a scan once per browser ({@link ScanMemory}): a reload or the language
 * switch shows the count as it stands. The lot owner's signed preview ({@link PreviewLinks}) is
 * never counted.
 */
@Controller
class ResolverController {

    private final Resolver resolver;
    private final ConsumerPages pages;
    private final LocaleResolver locales;
    private final ResolutionJson json;
    private final ScanMemory memory;
    private final PreviewLinks previews;
    private final ScanClients clients;
    private final String base;

    ResolverController(
            Resolver resolver,
            ConsumerPages pages,
            LocaleResolver locales,
            ResolutionJson json,
            ScanMemory memory,
            PreviewLinks previews,
            ScanClients clients,
            PublicOrigin origin) {
        this.resolver = resolver;
        this.pages = pages;
        this.locales = locales;
        this.json = json;
        this.memory = memory;
        this.previews = previews;
        this.clients = clients;
        this.base = origin.base();
    }

    @GetMapping({"/01/{gtin}/10/{lot}", "/01/{gtin}/10/{lot}/21/{serial}"})
    ResponseEntity<?> resolve(
            HttpServletRequest request,
            @RequestParam(required = false) String linkType,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        // The resolver's own base from configuration, never the request's Host header: the anchor goes
        // into the Link header, the linkset and redirects, where a forged host would be repeated.
        String anchor = base + request.getRequestURI();
        String uri = anchor + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Negotiation wanted = Negotiation.of(linkType, accept);
        // A HEAD is a link checker, not a shopper.
        boolean count = !"HEAD".equals(request.getMethod());
        boolean page = wanted == Negotiation.PAGE;
        Locale locale = page
                ? ConsumerPages.locale(lang)
                : lang != null ? ConsumerPages.locale(lang) : locales.resolveLocale(request);
        try {
            return switch (wanted) {
                case LINKSET -> linkset(anchor, request.getParameter("s"), resolver.resolve(uri, locale, null));
                case CERTIFICATES ->
                    ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
                            .location(URI.create(anchor + signature(request.getParameter("s"), "?") + "#certificates"))
                            .build();
                case JSON ->
                    fresh(anchor)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(json.write(resolver.resolve(uri, locale, count ? clients.of(request) : null)));
                case PAGE -> page(request, uri, anchor, locale, count);
            };
        } catch (QrException invalid) {
            if (!page) {
                throw invalid;
            }
            return ResponseEntity.badRequest()
                    .contentType(ConsumerPages.HTML)
                    .cacheControl(CacheControl.noStore())
                    .body(pages.notice(locale, anchor, "page.invalid"));
        }
    }

    private ResponseEntity<String> page(
            HttpServletRequest request, String uri, String anchor, Locale locale, boolean count) {
        DigitalLink link = DigitalLink.parse(uri);
        String preview = request.getParameter(PreviewLinks.PARAM);
        if (preview != null) {
            switch (previews.check(link, preview, Instant.now())) {
                case VALID -> {
                    try {
                        Resolution shown = resolver.preview(link, locale);
                        return html(fresh(anchor), locale)
                                .body(pages.result(shown, locale, anchor, PreviewLinks.PARAM + "=" + preview));
                    } catch (LedgerException.Rejected noSuchLot) {
                        // A lot signed for but gone from this ledger: judged as the unsigned code it is.
                    }
                }
                case EXPIRED -> {
                    return html(ResponseEntity.status(HttpStatus.GONE).cacheControl(CacheControl.noStore()), locale)
                            .body(pages.notice(locale, anchor, "page.preview.expired"));
                }
                case INVALID -> {}
            }
        }
        ScanMemory.Seen seen = memory.of(request);
        Resolution resolution =
                resolver.resolve(uri, locale, count && !seen.contains(link) ? clients.of(request) : null);
        String s = request.getParameter("s");
        ResponseEntity.BodyBuilder answer = html(fresh(anchor), locale);
        if (resolution.code().keyId() != null && resolution.scans() != null) {
            answer.header(HttpHeaders.SET_COOKIE, seen.with(link).toString());
        }
        return answer.body(pages.result(resolution, locale, anchor, s == null ? null : "s=" + s));
    }

    private static ResponseEntity.BodyBuilder html(ResponseEntity.BodyBuilder builder, Locale locale) {
        return builder.contentType(ConsumerPages.HTML).header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
    }

    private ResponseEntity<?> linkset(String anchor, String s, Resolution resolution) {
        String nameZh = resolution.page() == null
                ? resolution.code().gtin()
                : resolution.page().product().nameZh();
        String nameEn = resolution.page() == null || resolution.page().product().nameEn() == null
                ? nameZh
                : resolution.page().product().nameEn();
        return fresh(anchor)
                .contentType(Negotiation.LINKSET_JSON)
                .body(Linksets.of(anchor, signature(s, "?"), nameZh, nameEn));
    }

    private static ResponseEntity.BodyBuilder fresh(String anchor) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.LINK, Linksets.header(anchor))
                .header(HttpHeaders.VARY, "Accept, Accept-Language");
    }

    private static String signature(String s, String prefix) {
        return s == null ? "" : prefix + "s=" + s;
    }
}
