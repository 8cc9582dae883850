package io.heitu.service.app;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inspectors' desk: the queue of lots with no lab result yet, lab results against limits (a
 * failing result puts the lot on hold, by the chaincode's rule) and grades.
 */
@Controller
class InspectController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final MyLots lots;
    private final Refusals refusals;
    private final JsonMapper json;
    private final AsOf asOf;

    InspectController(
            TraceLedger ledger, CurrentUser user, MyLots lots, Refusals refusals, JsonMapper json, AsOf asOf) {
        this.ledger = ledger;
        this.asOf = asOf;
        this.user = user;
        this.lots = lots;
        this.refusals = refusals;
        this.json = json;
    }

    /** The inspection queue, {@value MyLots#ROWS} lots a page from row {@code from}. */
    @GetMapping("/app/inspect")
    String queue(@RequestParam(required = false) Integer from, Model model, HttpServletResponse response) {
        long block = asOf.stamp(model, response);
        LotPage page = lots.awaitingInspection(user.enrollment(), user.account(), from == null ? 0 : from, block);
        model.addAttribute("rows", page.rows());
        model.addAttribute("rowPage", page);
        return "app/queue";
    }

    @GetMapping("/app/lab")
    String labForm(@RequestParam(required = false) String lot, Model model) {
        model.addAttribute("form", InspectForms.Lab.blank(lot));
        return "app/lab";
    }

    @PostMapping("/app/lab")
    String lab(InspectForms.Lab form, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        LotKey lot = errors.lot("code", form.code());
        String analyte = errors.required("analyte", form.analyte());
        BigDecimal value = errors.nonNegative("value", form.value());
        String unit = errors.required("unit", form.unit());
        BigDecimal limit = errors.nonNegative("limit", form.limit());
        String time = errors.time("eventTime", form.eventTime());
        model.addAttribute("form", form);
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return "app/lab";
        }
        ObjectNode request = json.createObjectNode()
                .put("gtin", lot.gtin())
                .put("lotCode", lot.lotCode())
                .put("kind", "sampling")
                .put("eventTime", time);
        String reportNo = FormErrors.optional(form.reportNo());
        if (reportNo != null) {
            request.put("reportNo", reportNo);
        }
        ObjectNode result = request.putArray("results")
                .addObject()
                .put("analyte", analyte)
                .put("value", value)
                .put("unit", unit)
                .put("limit", limit);
        String method = FormErrors.optional(form.method());
        if (method != null) {
            result.put("method", method);
        }
        if (refusals.attempt(model, () -> ledger.labResult(user.enrollment(), request), "code", "eventTime")
                .isEmpty()) {
            return "app/lab";
        }
        flash.addFlashAttribute("done", value.compareTo(limit) <= 0 ? "done.lab.pass" : "done.lab.fail");
        return "redirect:" + lot.page();
    }

    @GetMapping("/app/grade")
    String gradeForm(@RequestParam(required = false) String lot, Model model) {
        model.addAttribute("form", InspectForms.Grade.blank(lot));
        return "app/grade";
    }

    @PostMapping("/app/grade")
    String grade(InspectForms.Grade form, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        LotKey lot = errors.lot("code", form.code());
        String standard = errors.required("standard", form.standard());
        BigDecimal level = errors.positive("level", form.level());
        String label = errors.required("label", form.label());
        String time = errors.time("eventTime", form.eventTime());
        model.addAttribute("form", form);
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return "app/grade";
        }
        ObjectNode request = json.createObjectNode()
                .put("gtin", lot.gtin())
                .put("lotCode", lot.lotCode())
                .put("standard", standard)
                .put("level", level.intValue())
                .put("label", label)
                .put("eventTime", time);
        if (refusals.attempt(model, () -> ledger.grade(user.enrollment(), request), "code", "eventTime")
                .isEmpty()) {
            return "app/grade";
        }
        flash.addFlashAttribute("done", "done.grade");
        return "redirect:" + lot.page();
    }
}
