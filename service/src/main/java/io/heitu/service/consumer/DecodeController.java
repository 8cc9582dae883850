package io.heitu.service.consumer;

import io.heitu.service.label.LabelDecoder;
import io.heitu.service.problem.ApiException;
import io.heitu.service.qr.DigitalLink;
import io.heitu.service.qr.Issuances;
import io.heitu.service.qr.QrException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A photo of a label instead of a phone's scanner: ZXing reads the code, then the same check as
 * scanning it. JSON for clients; the page for the upload form on {@code /scan}. Decoding a large
 * photo takes a core for a moment, so only two run at once.
 */
@Controller
class DecodeController {

    /** Largest photo accepted: a 48-megapixel JPEG is about this size. */
    static final long MAX_BYTES = 15L * 1024 * 1024;

    private final Resolver resolver;
    private final ConsumerPages pages;
    private final Issuances issuances;
    private final Semaphore decoders = new Semaphore(2);
    private final ScanClients clients;

    DecodeController(Resolver resolver, ConsumerPages pages, Issuances issuances, ScanClients clients) {
        this.resolver = resolver;
        this.clients = clients;
        this.pages = pages;
        this.issuances = issuances;
    }

    /** What was read, and the check of it. */
    record Decoded(String text, Resolution resolution) {}

    @GetMapping("/scan")
    ResponseEntity<String> form(@RequestParam(required = false) String lang) {
        return html(HttpStatus.OK, pages.scan(ConsumerPages.locale(lang), null, null), ConsumerPages.locale(lang));
    }

    /**
     * A code typed from its label, for a camera that cannot read it: the GTIN under the barcode, the
     * lot (批号) and, on unit labels, the serial (SN); or the whole link pasted. The code this service
     * issued with that serial is then checked like any scan, so typing proves no more than scanning.
     */
    @GetMapping("/scan/code")
    ResponseEntity<String> typed(
            @RequestParam(required = false) String gtin,
            @RequestParam(required = false) String lot,
            @RequestParam(required = false) String sn,
            @RequestParam(required = false) String lang) {
        Locale locale = ConsumerPages.locale(lang);
        Map<String, String> typed = new HashMap<>();
        typed.put("gtin", gtin == null ? "" : gtin);
        typed.put("lot", lot == null ? "" : lot);
        typed.put("sn", sn == null ? "" : sn);
        Optional<String> code;
        try {
            code = TypedCode.find(gtin, lot, sn, issuances);
        } catch (QrException notACode) {
            return html(HttpStatus.UNPROCESSABLE_CONTENT, pages.scan(locale, "scan.typed.invalid", typed), locale);
        }
        if (code.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, pages.scan(locale, "scan.typed.notFound", typed), locale);
        }
        String local = code.get().substring(code.get().indexOf("/01/"));
        String target =
                "en".equals(locale.getLanguage()) ? local + (local.contains("?") ? "&" : "?") + "lang=en" : local;
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(target))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    @PostMapping(path = "/api/public/decode", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> decode(
            jakarta.servlet.http.HttpServletRequest request,
            @RequestParam("image") MultipartFile image,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean page =
                Negotiation.of(null, accept) == Negotiation.PAGE && accept != null && accept.contains("text/html");
        Locale locale = ConsumerPages.locale(lang);
        String text;
        try {
            text = read(image);
        } catch (QrException e) {
            if (page) {
                return html(HttpStatus.UNPROCESSABLE_CONTENT, pages.scan(locale, "scan.error", null), locale);
            }
            throw e;
        } catch (ApiException e) {
            if (page && "DECODER_BUSY".equals(e.code())) {
                return html(HttpStatus.SERVICE_UNAVAILABLE, pages.scan(locale, "scan.busy", null), locale);
            }
            throw e;
        }
        Resolution resolution;
        try {
            resolution = resolver.resolve(text, locale, clients.of(request));
        } catch (QrException notOurs) {
            if (page) {
                return html(HttpStatus.UNPROCESSABLE_CONTENT, pages.notice(locale, "/scan", "page.invalid"), locale);
            }
            throw notOurs;
        }
        if (page) {
            String anchor = DigitalLink.parse(text).path();
            String s = UriComponentsBuilder.fromUriString(text)
                    .build()
                    .getQueryParams()
                    .getFirst("s");
            return html(HttpStatus.OK, pages.result(resolution, locale, anchor, s == null ? null : "s=" + s), locale);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Decoded(text, resolution));
    }

    private String read(MultipartFile image) {
        if (image.isEmpty()) {
            throw new ApiException("INVALID_ARGUMENT", "upload a photo of the QR code as 'image'");
        }
        if (image.getSize() > MAX_BYTES) {
            throw new ApiException("PAYLOAD_TOO_LARGE", "a photo has at most " + MAX_BYTES + " bytes");
        }
        try {
            if (!decoders.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new ApiException("DECODER_BUSY", "every decoder is busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("DECODER_BUSY", "interrupted waiting for a decoder");
        }
        try {
            return LabelDecoder.decode(image.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            decoders.release();
        }
    }

    private static ResponseEntity<String> html(HttpStatus status, String body, Locale locale) {
        return ResponseEntity.status(status)
                .contentType(ConsumerPages.HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
