package io.heitu.service.app;

import io.heitu.service.api.FarmUnits;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Commission;
import io.heitu.service.ledger.wire.InputApplication;
import io.heitu.service.ledger.wire.Quantity;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The farmer's pages: harvest, input applications and the 承诺达标合格证. */
@Controller
class FarmController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Directory directory;
    private final Refusals refusals;
    private final Wording words;
    private final Units units;
    private final JsonMapper json;

    FarmController(
            TraceLedger ledger,
            CurrentUser user,
            Directory directory,
            Refusals refusals,
            Wording words,
            Units units,
            JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.directory = directory;
        this.refusals = refusals;
        this.words = words;
        this.units = units;
        this.json = json;
    }

    /** An input whose pre-harvest interval has not yet passed on one of the farmer's plots. */
    public record Interval(String plot, String product, String safeFrom) {}

    @GetMapping("/app/harvest")
    String harvestForm(Model model) {
        return harvestPage(model, FarmForms.Harvest.blank(units.weight()));
    }

    @PostMapping("/app/harvest")
    String harvest(FarmForms.Harvest form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        String gtin = errors.required("gtin", form.gtin());
        BigDecimal quantity = errors.positive("quantity", form.quantity());
        String plotId = errors.required("plotId", form.plotId());
        String time = errors.time("eventTime", form.eventTime());
        String lotCode = LotCodes.fold(form.lotCode());
        if (!lotCode.isEmpty() && !LotCodes.valid(lotCode)) {
            errors.reject("lotCode", "form.error.lotChars");
        }
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return harvestPage(model, form);
        }
        if (lotCode.isEmpty()) {
            lotCode = freeLotCode(gtin, plotId, OffsetDateTime.parse(time).toLocalDate());
        }
        String variety = FormErrors.optional(form.variety());
        Commission harvest = new Commission(
                gtin,
                lotCode,
                new Quantity(quantity, form.uom()),
                null,
                plotId,
                time,
                variety == null ? null : Map.of("variety", variety));
        JsonNode request = FarmUnits.normalise(json.valueToTree(harvest));
        var done = refusals.attempt(
                model,
                () -> ledger.commission(user.enrollment(), request),
                "lotCode",
                "quantity",
                "eventTime",
                "plotId",
                "gtin");
        if (done.isEmpty()) {
            return harvestPage(model, form);
        }
        flash.addFlashAttribute("done", "done.harvest");
        remember(response, form.uom());
        return "redirect:" + new LotKey(gtin, lotCode).page();
    }

    /** The suggested code for the plot and day, or its first alternative the ledger does not have yet. */
    private String freeLotCode(String gtin, String plotId, LocalDate day) {
        String suggestion = LotCodes.suggest(plotId, day);
        for (int n = 1; n < 10; n++) {
            String candidate = n == 1 ? suggestion : LotCodes.alternative(suggestion, n);
            try {
                ledger.lot(user.enrollment(), gtin, candidate);
            } catch (LedgerException.Rejected free) {
                return candidate;
            }
        }
        // Nine harvests of one plot in a day: the ledger refuses the tenth as a lot that exists.
        return suggestion;
    }

    private void remember(HttpServletResponse response, String uom) {
        var cookie = units.remember(uom);
        if (cookie != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        }
    }

    private String harvestPage(Model model, FarmForms.Harvest form) {
        var actor = user.enrollment();
        String msp = user.account().mspId();
        List<Choice> plots = directory.plots(actor, msp);
        model.addAttribute("form", form);
        model.addAttribute("plots", plots);
        model.addAttribute(
                "products",
                directory.products(actor).stream()
                        .filter(product -> product.ownerMsp().equals(msp))
                        .toList());
        model.addAttribute("intervals", intervals(plots));
        String plot = form.plotId() != null
                ? form.plotId()
                : plots.isEmpty() ? null : plots.get(0).id();
        model.addAttribute("lotSuggestion", LotCodes.suggest(plot, LocalDate.now(FormErrors.CHINA)));
        return "app/harvest";
    }

    /** Inputs still inside their pre-harvest interval, read with the chaincode's own query. */
    private List<Interval> intervals(List<Choice> plots) {
        List<Interval> intervals = new ArrayList<>();
        Instant now = Instant.now();
        for (Choice plot : plots) {
            for (InputApplication input : ledger.plotInputs(user.enrollment(), plot.id())) {
                String safeFrom = input.safeFrom() == null ? "" : input.safeFrom();
                if (!safeFrom.isEmpty() && Instant.parse(safeFrom).isAfter(now)) {
                    String product = input.productName() == null ? "" : input.productName();
                    intervals.add(new Interval(plot.name(), product, words.time(safeFrom)));
                }
            }
        }
        return intervals;
    }

    @GetMapping("/app/inputs")
    String inputForm(Model model) {
        return inputPage(model, FarmForms.Input.blank());
    }

    @PostMapping("/app/inputs")
    String input(FarmForms.Input form, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        String plotId = errors.required("plotId", form.plotId());
        String productName = errors.required("productName", form.productName());
        BigDecimal dose = errors.positive("dose", form.dose());
        String doseUnit = errors.required("doseUnit", form.doseUnit());
        String time = errors.time("eventTime", form.eventTime());
        BigDecimal phiDays = null;
        if (form.needsInterval() || FormErrors.optional(form.phiDays()) != null) {
            phiDays = errors.nonNegative("phiDays", form.phiDays());
            if (phiDays != null && (phiDays.stripTrailingZeros().scale() > 0 || phiDays.intValue() > 365)) {
                errors.reject("phiDays", "form.error.days");
                phiDays = null;
            }
        }
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return inputPage(model, form);
        }
        ObjectNode request = json.createObjectNode()
                .put("plotId", plotId)
                .put("eventTime", time)
                .put("inputType", form.inputType())
                .put("productName", productName)
                .put("dose", dose)
                .put("doseUnit", doseUnit);
        if (phiDays != null) {
            request.put("phiDays", phiDays.intValue());
        }
        if (refusals.attempt(model, () -> ledger.applyInput(user.enrollment(), request), "eventTime", "plotId")
                .isEmpty()) {
            return inputPage(model, form);
        }
        flash.addFlashAttribute("done", "done.input");
        return "redirect:/app/harvest";
    }

    private String inputPage(Model model, FarmForms.Input form) {
        model.addAttribute("form", form);
        model.addAttribute(
                "plots", directory.plots(user.enrollment(), user.account().mspId()));
        return "app/input";
    }

    @GetMapping("/app/commitment")
    String commitmentForm(@RequestParam(required = false) String lot, Model model) {
        model.addAttribute("form", new FarmForms.Commitment(lot, null, "self_test", null));
        return "app/commitment";
    }

    @PostMapping("/app/commitment")
    String commitment(FarmForms.Commitment form, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        LotKey lot = errors.lot("code", form.code());
        String number = errors.required("number", form.number());
        String contact = errors.required("contact", form.contact());
        model.addAttribute("form", form);
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return "app/commitment";
        }
        ObjectNode request = json.createObjectNode()
                .put("number", number)
                .put("gtin", lot.gtin())
                .put("lotCode", lot.lotCode())
                .put("basis", form.basis())
                .put("contact", contact);
        if (refusals.attempt(model, () -> ledger.issueCommitment(user.enrollment(), request), "code", "number")
                .isEmpty()) {
            return "app/commitment";
        }
        flash.addFlashAttribute("done", "done.commitment");
        return "redirect:" + lot.page();
    }
}
