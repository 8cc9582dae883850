package io.heitu.service.app;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inspection-report certificates for a lot, issued and revoked from the lot's page (inspectors;
 * regulators may revoke too, by the chaincode's rule). Problems come back to the lot's page.
 */
@Controller
class CertificatesController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Refusals refusals;
    private final JsonMapper json;

    CertificatesController(TraceLedger ledger, CurrentUser user, Refusals refusals, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.refusals = refusals;
        this.json = json;
    }

    @PostMapping("/app/certificates")
    String issue(
            @RequestParam String code,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String standard,
            @RequestParam(required = false) String validFrom,
            @RequestParam(required = false) String validUntil,
            Model model,
            RedirectAttributes flash) {
        LotKey lot = LotKey.parse(code).orElse(null);
        if (lot == null) {
            return "redirect:/app";
        }
        String from = date(validFrom);
        String until = date(validUntil);
        if (FormErrors.optional(number) == null || from == null || until == null) {
            flash.addFlashAttribute("statusError", "form.error.certificate");
            return "redirect:" + lot.page();
        }
        ObjectNode request = json.createObjectNode()
                .put("number", number.strip())
                .put("type", "inspection_report")
                .put("gtin", lot.gtin())
                .put("lotCode", lot.lotCode())
                .put("validFrom", from)
                .put("validUntil", until);
        if (FormErrors.optional(standard) != null) {
            request.put("standard", standard.strip());
        }
        return answer(model, flash, lot, "done.certificate", () -> ledger.issueCertificate(user.enrollment(), request));
    }

    @PostMapping("/app/certificates/revoke")
    String revoke(
            @RequestParam String code,
            @RequestParam String issuerMsp,
            @RequestParam String number,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes flash) {
        LotKey lot = LotKey.parse(code).orElse(null);
        if (lot == null) {
            return "redirect:/app";
        }
        if (FormErrors.optional(reason) == null) {
            flash.addFlashAttribute("statusError", "form.error.reason");
            return "redirect:" + lot.page();
        }
        ObjectNode request = json.createObjectNode()
                .put("issuerMsp", issuerMsp)
                .put("number", number)
                .put("reason", reason.strip());
        return answer(model, flash, lot, "done.revoke", () -> ledger.revokeCertificate(user.enrollment(), request));
    }

    private String answer(
            Model model,
            RedirectAttributes flash,
            LotKey lot,
            String done,
            java.util.function.Supplier<io.heitu.service.ledger.Receipt<?>> write) {
        if (refusals.attempt(model, write).isEmpty()) {
            flash.addFlashAttribute("refusal", model.getAttribute("refusal"));
        } else {
            flash.addFlashAttribute("done", done);
        }
        return "redirect:" + lot.page();
    }

    private static String date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip()).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
