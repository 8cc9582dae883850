package io.heitu.service.evidence;

import io.heitu.service.api.Answers;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Attaching evidence files to lots and products, and listing them. */
@RestController
@RequestMapping("/api/evidence")
@Tag(name = "Evidence", description = "Photos, inspection reports and 合格证 kept off the ledger, their hashes on it")
class EvidenceController {

    private final Evidence evidence;
    private final TraceLedger ledger;
    private final CurrentUser user;

    EvidenceController(Evidence evidence, TraceLedger ledger, CurrentUser user) {
        this.evidence = evidence;
        this.ledger = ledger;
        this.user = user;
    }

    @Operation(
            summary = "Attach a file: JPEG or PNG (re-encoded as JPEG), or PDF for an inspection report (redrawn);"
                    + " kind product_photo, field_photo, inspection_report or commitment; no lotCode: the product's")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> attach(
            @RequestParam("file") MultipartFile file,
            @RequestParam String kind,
            @RequestParam String gtin,
            @RequestParam(required = false) String lotCode,
            @RequestParam(required = false) String caption) {
        var upload = new Evidence.Upload(gtin, blankToNull(lotCode), kind, caption, bytes(file));
        var committed = evidence.attach(user.enrollment(), upload);
        var attached = committed.answer();
        return Answers.committed(
                committed,
                attached.lotCode() == null
                        ? null
                        : Evidence.href(attached.gtin(), attached.lotCode(), attached.sha256()));
    }

    @Operation(summary = "The files of a lot, or with no lotCode of a product, as the ledger records them")
    @GetMapping
    ResponseEntity<String> list(@RequestParam String gtin, @RequestParam(required = false) String lotCode) {
        return Answers.json(ledger.evidenceJson(user.enrollment(), gtin, blankToNull(lotCode)));
    }

    private static byte[] bytes(MultipartFile file) {
        if (file.isEmpty()) {
            throw new ApiException("EVIDENCE_UNREADABLE", "upload the file as 'file'");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
