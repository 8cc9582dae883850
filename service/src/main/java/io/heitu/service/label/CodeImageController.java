package io.heitu.service.label;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.problem.ApiException;
import io.heitu.service.qr.Issuances;
import io.heitu.service.qr.QrSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Your issued codes as PNG or SVG images, and as A4 label sheets (PDF) small enough to render at once. */
@RestController
@RequestMapping("/api/qr/issuances")
@Tag(name = "QR codes")
class CodeImageController {

    private static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    private final Issuances issuances;
    private final LabelJobs labels;
    private final QrSettings settings;
    private final CurrentUser user;

    CodeImageController(Issuances issuances, LabelJobs labels, QrSettings settings, CurrentUser user) {
        this.issuances = issuances;
        this.labels = labels;
        this.settings = settings;
        this.user = user;
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
