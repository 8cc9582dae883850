package io.heitu.service.app;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.label.LabelJobs;
import io.heitu.service.label.LabelLayout;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.problem.ApiException;
import io.heitu.service.qr.Issuance;
import io.heitu.service.qr.Issuances;
import io.heitu.service.qr.QrAlgorithm;
import io.heitu.service.qr.SigningKeys;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Printing labels: per-unit signed codes for a lot, rendered as an A4 sheet by the same background
 * label jobs as the API; the job's page refreshes itself until the PDF is ready. An organisation's
 * first sheet makes its signing key (registered on the ledger like {@code POST /api/qr/keys}): a
 * farmer printing labels should not have to know that codes are signed.
 */
@Controller
class LabelsController {

    static final int MAX_LABELS = 10_000;

    private final Issuances issuances;
    private final SigningKeys keys;
    private final LabelJobs jobs;
    private final CurrentUser user;
    private final Refusals refusals;

    LabelsController(Issuances issuances, SigningKeys keys, LabelJobs jobs, CurrentUser user, Refusals refusals) {
        this.issuances = issuances;
        this.keys = keys;
        this.jobs = jobs;
        this.user = user;
        this.refusals = refusals;
    }

    @PostMapping("/app/labels")
    String print(@RequestParam String code, @RequestParam(required = false) String count, RedirectAttributes flash) {
        LotKey lot = LotKey.parse(code).orElse(null);
        int labels = count == null || !count.strip().matches("\\d{1,5}") ? 0 : Integer.parseInt(count.strip());
        if (lot == null || labels < 1 || labels > MAX_LABELS) {
            flash.addFlashAttribute("statusError", "form.error.labels");
            return lot == null ? "redirect:/app" : "redirect:" + lot.page();
        }
        try {
            String msp = user.account().mspId();
            if (keys.newestActive(msp).isEmpty()) {
                keys.create(user.enrollment(), user.account().username(), QrAlgorithm.ED25519);
            }
            Issuance issued = issuances.issue(
                    user.enrollment(),
                    user.account().username(),
                    new Issuances.Request(lot.gtin(), lot.lotCode(), labels, true, null));
            var job = jobs.start(user.account().mspId(), issued.id(), LabelLayout.A4_3X8, ErrorCorrectionLevel.M);
            return "redirect:/app/labels/" + job.id();
        } catch (ApiException e) {
            flash.addFlashAttribute("refusal", refusals.of(e));
        } catch (LedgerException e) {
            flash.addFlashAttribute("refusal", refusals.of(e));
        }
        return "redirect:" + lot.page();
    }

    @GetMapping("/app/labels/{id}")
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", jobs.status(user.account().mspId(), id));
        return "app/labels";
    }

    @GetMapping("/app/labels/{id}/pdf")
    ResponseEntity<Resource> pdf(@PathVariable String id) {
        Path file = jobs.pdf(user.account().mspId(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"labels-" + id + ".pdf\"")
                .body(new FileSystemResource(file));
    }
}
