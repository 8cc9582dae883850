package io.heitu.service.evidence;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Attachment;
import io.heitu.service.lot.page.LotPage;
import io.heitu.service.lot.page.LotPages;
import io.heitu.service.problem.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Evidence files as pages show them, public like the consumer page: {@code
 * /evidence/{sha256}?gtin=…&lot=…} serves a file the ledger records for the lot, a lot it was made
 * from, or its product, with the type the ledger recorded, after checking its bytes against the
 * hash; {@code ?w=160|320|640} a thumbnail of it. Content-addressed, so cached for a year.
 */
@Controller
class EvidenceFiles {

    private final LotPages pages;
    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Evidence evidence;
    private final Thumbnails thumbnails;

    EvidenceFiles(LotPages pages, TraceLedger ledger, CurrentUser user, Evidence evidence, Thumbnails thumbnails) {
        this.pages = pages;
        this.ledger = ledger;
        this.user = user;
        this.evidence = evidence;
        this.thumbnails = thumbnails;
    }

    @GetMapping("/evidence/{sha256}")
    ResponseEntity<byte[]> file(
            @PathVariable String sha256,
            @RequestParam String gtin,
            @RequestParam("lot") String lotCode,
            @RequestParam(required = false) Integer w) {
        String mediaType = recorded(gtin, lotCode, sha256)
                .orElseThrow(() -> new ApiException(
                        "EVIDENCE_NOT_FOUND",
                        "lot " + gtin + "/" + lotCode + " has no file " + sha256 + " on the ledger"));
        Evidence.Served file = evidence.read(sha256, mediaType);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag("\"" + sha256 + (w == null ? "" : "-" + w) + "\"")
                .header("X-Content-Type-Options", "nosniff");
        if (w != null) {
            if (!Thumbnails.WIDTHS.contains(w)) {
                throw new ApiException("INVALID_ARGUMENT", "w is one of " + Thumbnails.WIDTHS);
            }
            return answer.contentType(MediaType.IMAGE_JPEG).body(thumbnails.of(sha256, file, w));
        }
        String extension = Sanitized.PDF.equals(mediaType) ? "pdf" : "jpg";
        return answer.contentType(MediaType.parseMediaType(mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"" + sha256.substring(0, 12) + "." + extension + "\"")
                .body(file.bytes());
    }

    /**
     * The type the ledger recorded for the file on this lot's page; a file attached a moment ago
     * (before the page heard of it) is looked up on the ledger itself.
     */
    private Optional<String> recorded(String gtin, String lotCode, String sha256) {
        if (!Sha256.valid(sha256)) {
            return Optional.empty();
        }
        LotPage page = pages.find(gtin, lotCode);
        if (page == null) {
            return Optional.empty();
        }
        Optional<String> onPage = page.evidence(sha256).map(LotPage.Evidence::mediaType);
        if (onPage.isPresent()) {
            return onPage;
        }
        try {
            return Stream.concat(
                            ledger
                                    .evidence(
                                            user.reader(),
                                            page.lot().gtin(),
                                            page.lot().lotCode())
                                    .stream(),
                            ledger.evidence(user.reader(), page.lot().gtin(), null).stream())
                    .filter(file -> file.sha256().equals(sha256))
                    .map(Attachment::mediaType)
                    .findFirst();
        } catch (LedgerException.Rejected gone) {
            return Optional.empty();
        }
    }
}
