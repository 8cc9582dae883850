package io.heitu.service.app;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.UserAccount;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TraceLedger;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * "My lots", finding a lot by its code, a lot's page, and putting a lot on hold, releasing or
 * recalling it (inspectors and regulators; the chaincode refuses everyone else).
 */
@Controller
class LotsController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final MyLots lots;
    private final LotDetails details;
    private final Refusals refusals;
    private final Directory directory;
    private final JsonMapper json;
    private final AsOf asOf;

    LotsController(
            TraceLedger ledger,
            CurrentUser user,
            MyLots lots,
            LotDetails details,
            Refusals refusals,
            Directory directory,
            JsonMapper json,
            AsOf asOf) {
        this.ledger = ledger;
        this.asOf = asOf;
        this.user = user;
        this.lots = lots;
        this.details = details;
        this.refusals = refusals;
        this.directory = directory;
        this.json = json;
    }

    /** "My lots", {@value MyLots#ROWS} a page from row {@code from}; oversight beside it for inspectors and regulators. */
    @GetMapping("/app")
    String dashboard(@RequestParam(required = false) Integer from, Model model, HttpServletResponse response) {
        long block = asOf.stamp(model, response);
        UserAccount account = user.account();
        LotPage page = lots.of(user.enrollment(), account.mspId(), account.role(), from == null ? 0 : from, block);
        model.addAttribute("rows", page.rows());
        model.addAttribute("rowPage", page);
        if (account.role().equals("inspector") || account.role().equals("regulator")) {
            model.addAttribute("flagged", lots.flagged(user.enrollment(), account, block));
        }
        return "app/dashboard";
    }

    @GetMapping("/app/find")
    String find(@RequestParam(required = false) String code, RedirectAttributes flash) {
        var key = LotKey.parse(code);
        if (key.isEmpty()) {
            flash.addFlashAttribute("findError", "form.error.lot");
            flash.addFlashAttribute("findCode", code);
            return "redirect:/app";
        }
        return "redirect:" + key.get().page();
    }

    @GetMapping("/app/lots/{gtin}/{lotCode}")
    String lot(@PathVariable String gtin, @PathVariable String lotCode, Model model) {
        model.addAttribute("lot", details.of(user.enrollment(), user.account().mspId(), new LotKey(gtin, lotCode)));
        model.addAttribute("inspectors", directory.inspectionBodies(user.enrollment()));
        return "app/lot";
    }

    /** A party to the lot asks an inspection body to inspect it: the lot then is on that body's desk. */
    @PostMapping("/app/lots/{gtin}/{lotCode}/ask-inspection")
    String askInspection(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(required = false) String inspectorMsp,
            Model model,
            RedirectAttributes flash) {
        LotKey key = new LotKey(gtin, lotCode);
        var request = json.createObjectNode()
                .put("gtin", gtin)
                .put("lotCode", lotCode)
                .put("inspectorMsp", inspectorMsp == null ? "" : inspectorMsp.strip());
        var actor = user.enrollment();
        if (refusals.attempt(model, () -> ledger.requestInspection(actor, request))
                .isEmpty()) {
            flash.addFlashAttribute("refusal", model.getAttribute("refusal"));
        } else {
            flash.addFlashAttribute("done", "done.ask");
        }
        return "redirect:" + key.page();
    }

    @PostMapping("/app/lots/{gtin}/{lotCode}/{action:hold|release|recall}")
    String status(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @PathVariable String action,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String holdId,
            @RequestParam(required = false) String confirmed,
            Model model,
            RedirectAttributes flash) {
        LotKey key = new LotKey(gtin, lotCode);
        if (reason == null || reason.isBlank()) {
            flash.addFlashAttribute("statusError", "form.error.reason");
            return "redirect:" + key.page();
        }
        if (action.equals("recall") && !"yes".equals(confirmed)) {
            // A recall is sent only from its confirmation page, which shows what it will reach.
            flash.addAttribute("reason", reason.strip());
            return "redirect:" + key.page() + "/recall";
        }
        var request = json.createObjectNode()
                .put("gtin", gtin)
                .put("lotCode", lotCode)
                .put("reason", reason.strip());
        if (action.equals("release") && holdId != null && !holdId.isBlank()) {
            request.put("holdId", holdId.strip());
        }
        var actor = user.enrollment();
        var done = refusals.attempt(model, () -> switch (action) {
            case "hold" -> ledger.hold(actor, request);
            case "release" -> ledger.release(actor, request);
            default -> ledger.recall(actor, request);
        });
        if (done.isEmpty()) {
            flash.addFlashAttribute("refusal", model.getAttribute("refusal"));
            return "redirect:" + key.page();
        }
        flash.addFlashAttribute("done", "done." + action);
        return "redirect:" + (action.equals("recall") ? "/app/recalls/" + gtin + "/" + lotCode : key.page());
    }

    /** Before a recall: the lots it will reach and who holds them, and the button that sends it. */
    @GetMapping("/app/lots/{gtin}/{lotCode}/recall")
    String confirmRecall(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes flash) {
        LotKey key = new LotKey(gtin, lotCode);
        if (reason == null || reason.isBlank()) {
            flash.addFlashAttribute("statusError", "form.error.reason");
            return "redirect:" + key.page();
        }
        model.addAttribute("lot", details.of(user.enrollment(), user.account().mspId(), key));
        model.addAttribute("affected", details.affected(user.enrollment(), key));
        model.addAttribute("reason", reason.strip());
        return "app/recall-confirm";
    }

    @GetMapping("/app/recalls/{gtin}/{lotCode}")
    String recall(@PathVariable String gtin, @PathVariable String lotCode, Model model) {
        LotKey key = new LotKey(gtin, lotCode);
        model.addAttribute("lot", details.of(user.enrollment(), user.account().mspId(), key));
        model.addAttribute("affected", details.affected(user.enrollment(), key));
        return "app/recall";
    }

    @GetMapping("/app/ranking")
    String ranking(
            @RequestParam(defaultValue = "rice") String category,
            @RequestParam(defaultValue = "lots") String scope,
            Model model,
            HttpServletResponse response) {
        asOf.stamp(model, response);
        model.addAttribute("category", category);
        model.addAttribute("scope", scope);
        try {
            var actor = user.enrollment();
            var query = json.createObjectNode()
                    .put("category", category)
                    .put("scope", scope.equals("producers") ? "producers" : "lots")
                    .put("pageSize", RankingRow.SHOWN);
            model.addAttribute(
                    "ranking",
                    RankingRow.of(
                            ledger.ranking(actor, query),
                            directory.organisations(actor),
                            directory.products(actor),
                            lot -> standing(actor, lot)));
        } catch (LedgerException e) {
            model.addAttribute("refusal", refusals.of(e));
        }
        return "app/ranking";
    }

    /** A ranked lot's state word now (active, on_hold, recalled, consumed). */
    private String standing(io.heitu.identity.Enrollment actor, LotKey lot) {
        try {
            var state = ledger.lot(actor, lot.gtin(), lot.lotCode()).state();
            return state == null ? "" : state.word();
        } catch (LedgerException.Rejected gone) {
            return "";
        }
    }
}
