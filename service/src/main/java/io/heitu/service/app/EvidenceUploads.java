package io.heitu.service.app;

import io.heitu.service.evidence.Evidence;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.problem.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A photo, 合格证 or inspection report added from a lot's page: the same path as {@code POST
 * /api/evidence} (re-encoded, kept off the ledger, its hash recorded with the user's signature),
 * then back to the lot with what happened at the top.
 */
@Controller
class EvidenceUploads {

    private final Evidence evidence;
    private final CurrentUser user;
    private final Refusals refusals;

    EvidenceUploads(Evidence evidence, CurrentUser user, Refusals refusals) {
        this.evidence = evidence;
        this.user = user;
        this.refusals = refusals;
    }

    @PostMapping("/app/evidence")
    String upload(
            @RequestParam String code,
            @RequestParam String kind,
            @RequestParam(required = false) String forProduct,
            @RequestParam(required = false) String caption,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes flash) {
        LotKey lot = LotKey.parse(code).orElse(null);
        if (lot == null) {
            flash.addFlashAttribute("statusError", "form.error.lot");
            return "redirect:/app";
        }
        if (file == null || file.isEmpty()) {
            flash.addFlashAttribute("statusError", "form.error.file");
            return "redirect:" + lot.page();
        }
        boolean wholeProduct = "true".equals(forProduct) && "product_photo".equals(kind);
        try {
            evidence.attach(
                    user.enrollment(),
                    new Evidence.Upload(
                            lot.gtin(), wholeProduct ? null : lot.lotCode(), kind, caption, file.getBytes()));
            flash.addFlashAttribute("done", "done.evidence");
        } catch (ApiException e) {
            flash.addFlashAttribute("refusal", refusals.of(e));
        } catch (LedgerException e) {
            flash.addFlashAttribute("refusal", refusals.of(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:" + lot.page();
    }
}
