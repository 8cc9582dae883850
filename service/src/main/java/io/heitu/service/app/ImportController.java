package io.heitu.service.app;

import io.heitu.service.api.FarmUnits;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Quantity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import of shipments, receipts and sales from a spreadsheet (CSV or XLSX). Uploading is
 * always a dry run: rows are checked, then the chaincode simulates the whole batch without
 * committing it, and the page lists what would be recorded. Recording sends that same batch as
 * one all-or-nothing transaction.
 */
@Controller
class ImportController {

    /** A row of the preview (public for the templates). */
    public record Line(String action, String lot, String quantity, String party, String time) {}

    private static final Pattern ENTRY = Pattern.compile("entry (\\d{1,3}):");

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Refusals refusals;
    private final Wording words;
    private final JsonMapper json;

    ImportController(TraceLedger ledger, CurrentUser user, Refusals refusals, Wording words, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.refusals = refusals;
        this.words = words;
        this.json = json;
    }

    @GetMapping("/app/import")
    String form() {
        return "app/import";
    }

    @PostMapping("/app/import")
    String dryRun(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", FieldErrors.of(java.util.Map.of("file", "coldchain.error.file")));
            return "app/import";
        }
        ImportRows.Result rows = ImportRows.of(Sheets.read(file.getOriginalFilename(), file.getInputStream()), json);
        if (!rows.errors().isEmpty()) {
            model.addAttribute("rowErrors", rows.errors());
            return "app/import";
        }
        JsonNode batch = FarmUnits.normalise(rows.batch());
        try {
            ledger.checkBatch(user.enrollment(), batch);
        } catch (io.heitu.service.ledger.LedgerException e) {
            Refusal refusal = refusals.of(e);
            model.addAttribute("refusal", refusal);
            // The chaincode names the batch entry ("entry 0: …"); people count spreadsheet rows.
            Matcher entry = ENTRY.matcher(refusal.message() == null ? "" : refusal.message());
            if (entry.lookingAt()) {
                model.addAttribute("refusalRow", Integer.parseInt(entry.group(1)) + 2);
            }
            return "app/import";
        }
        model.addAttribute("preview", preview(batch));
        model.addAttribute("batch", json.writeValueAsString(batch));
        return "app/import";
    }

    @PostMapping("/app/import/commit")
    String commit(@RequestParam String batch, Model model, RedirectAttributes flash) {
        JsonNode request;
        try {
            request = json.readTree(batch);
        } catch (JacksonException e) {
            return "redirect:/app/import";
        }
        if (refusals.attempt(model, () -> ledger.batch(user.enrollment(), request))
                .isEmpty()) {
            return "app/import";
        }
        flash.addFlashAttribute("done", "done.import");
        return "redirect:/app";
    }

    /** The rows of the batch request built from the upload (the request, not a ledger answer). */
    private List<Line> preview(JsonNode batch) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode entry : batch.path("entries")) {
            JsonNode request = entry.path("request");
            JsonNode lot = request.path("lots").path(0);
            String party =
                    request.path("toMsp").asString(request.path("fromMsp").asString(""));
            lines.add(new Line(
                    words.text("import.action." + entry.path("action").asString()),
                    lot.path("gtin").asString() + " · " + lot.path("lotCode").asString(),
                    words.quantity(quantity(lot.path("quantity"))),
                    party,
                    request.path("eventTime").asString()));
        }
        return lines;
    }

    private static Quantity quantity(JsonNode requested) {
        return requested.isObject()
                ? new Quantity(
                        requested.path("value").isNumber()
                                ? requested.path("value").decimalValue()
                                : null,
                        requested.path("uom").asString(""))
                : null;
    }
}
