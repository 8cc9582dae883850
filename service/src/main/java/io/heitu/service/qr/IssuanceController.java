package io.heitu.service.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.UserAccount;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Issuing codes for a lot, and your codes as URIs, PNG or SVG images, and label sheets. */
@RestController
@RequestMapping("/api/qr/issuances")
@Tag(name = "QR codes")
class IssuanceController {

    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    private final Issuances issuances;
    private final LabelJobs labels;
    private final QrSettings settings;
    private final CurrentUser user;

    IssuanceController(Issuances issuances, LabelJobs labels, QrSettings settings, CurrentUser user) {
        this.issuances = issuances;
        this.labels = labels;
        this.settings = settings;
        this.user = user;
    }

    /** A page of code URIs; {@code next} is the offset of the following page, absent at the end. */
    record Codes(List<String> codes, int offset, Integer next) {}

    @Operation(
            summary = "Issue per-lot or per-unit codes for a lot; refused before a passing inspection where required")
    @PostMapping
    ResponseEntity<Issuance> issue(@RequestBody Issuances.Request request) {
        UserAccount account = user.account();
        Issuance issued = issuances.issue(user.enrollment(), account.username(), request);
        return ResponseEntity.created(URI.create("/api/qr/issuances/" + issued.id()))
                .header("X-Transaction-Id", issued.id())
                .header("X-Block-Number", Long.toString(issued.blockNumber()))
                .body(issued);
    }

    @Operation(summary = "Your organisation's issuances, newest first")
    @GetMapping
    List<Issuance> list(@RequestParam(required = false) String gtin, @RequestParam(required = false) String lotCode) {
        return issuances.of(user.account().mspId(), gtin, lotCode);
    }

    @GetMapping("/{id}")
    Issuance get(@PathVariable String id) {
        return issuances.get(user.account().mspId(), id);
    }

    @GetMapping("/{id}/codes")
    Codes codes(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "1000") int limit) {
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw new ApiException("INVALID_ARGUMENT", "offset >= 0, 1 <= limit <= 10000");
        }
        List<String> codes = issuances.codes(user.account().mspId(), id, offset, limit);
        return new Codes(codes, offset, codes.size() == limit ? offset + limit : null);
    }

    @Operation(summary = "One unit code as a PNG (size in pixels, ec = L, M, Q or H)")
    @GetMapping("/{id}/codes/{serial}.png")
    ResponseEntity<byte[]> unitPng(
            @PathVariable String id,
            @PathVariable String serial,
            @RequestParam(defaultValue = "300") int size,
            @RequestParam(defaultValue = "M") String ec) {
        return png(issuances.code(user.account().mspId(), id, serial), size, ec);
    }

    @GetMapping("/{id}/codes/{serial}.svg")
    ResponseEntity<String> unitSvg(
            @PathVariable String id,
            @PathVariable String serial,
            @RequestParam(defaultValue = "300") int size,
            @RequestParam(defaultValue = "M") String ec) {
        return svg(issuances.code(user.account().mspId(), id, serial), size, ec);
    }

    @Operation(summary = "A per-lot issuance's code as a PNG")
    @GetMapping("/{id}/code.png")
    ResponseEntity<byte[]> lotPng(
            @PathVariable String id,
            @RequestParam(defaultValue = "300") int size,
            @RequestParam(defaultValue = "M") String ec) {
        return png(issuances.code(user.account().mspId(), id, null), size, ec);
    }

    @GetMapping("/{id}/code.svg")
    ResponseEntity<String> lotSvg(
            @PathVariable String id,
            @RequestParam(defaultValue = "300") int size,
            @RequestParam(defaultValue = "M") String ec) {
        return svg(issuances.code(user.account().mspId(), id, null), size, ec);
    }

    @Operation(summary = "An A4 label sheet (layout A4_3X8, A4_4X10 or A4_2X5); larger sheets: POST /api/qr/label-jobs")
    @GetMapping("/{id}/labels.pdf")
    ResponseEntity<byte[]> sheet(
            @PathVariable String id,
            @RequestParam(defaultValue = "A4_3X8") String layout,
            @RequestParam(defaultValue = "M") String ec) {
        String mspId = user.account().mspId();
        if (issuances.get(mspId, id).count() > settings.syncLabelLimit()) {
            throw new ApiException(
                    "LIMIT_EXCEEDED", "more than " + settings.syncLabelLimit() + " labels: POST /api/qr/label-jobs");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        labels.render(mspId, id, layout(layout), level(ec), out);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"labels-" + id.substring(0, 12) + ".pdf\"")
                .body(out.toByteArray());
    }

    static LabelLayout layout(String name) {
        try {
            return LabelLayout.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException("INVALID_ARGUMENT", "layout is one of A4_3X8, A4_4X10, A4_2X5");
        }
    }

    static ErrorCorrectionLevel level(String name) {
        try {
            return ErrorCorrectionLevel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException("INVALID_ARGUMENT", "ec is one of L, M, Q, H");
        }
    }

    private static ResponseEntity<byte[]> png(String uri, int size, String ec) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noStore())
                .body(QrRenderer.png(uri, size, level(ec)));
    }

    private static ResponseEntity<String> svg(String uri, int size, String ec) {
        return ResponseEntity.ok()
                .contentType(SVG)
                .cacheControl(CacheControl.noStore())
                .body(QrRenderer.svg(uri, size, level(ec)));
    }
}
