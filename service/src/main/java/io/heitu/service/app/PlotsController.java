package io.heitu.service.app;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A farm's plots: where (coordinates, as a phone's location or a map gives them), area in mu, soil
 * organic matter and the conservation practice, registered on the ledger as {@code location}s.
 */
@Controller
class PlotsController {

    /** What the plot form posts. */
    record PlotForm(
            String id,
            String name,
            String county,
            String areaMu,
            String latitude,
            String longitude,
            String organicMatterPct,
            String practice) {}

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Directory directory;
    private final Refusals refusals;
    private final JsonMapper json;

    PlotsController(TraceLedger ledger, CurrentUser user, Directory directory, Refusals refusals, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.directory = directory;
        this.refusals = refusals;
        this.json = json;
    }

    @GetMapping("/app/plots")
    String plots(Model model) {
        return page(model, new PlotForm(null, null, null, null, null, null, null, null));
    }

    @PostMapping("/app/plots")
    String register(PlotForm form, Model model, RedirectAttributes flash) {
        FormErrors errors = new FormErrors();
        String id = errors.required("id", form.id());
        String name = errors.required("name", form.name());
        String county = errors.required("county", form.county());
        BigDecimal area = errors.positive("areaMu", form.areaMu());
        BigDecimal latitude = errors.number("latitude", form.latitude());
        BigDecimal longitude = errors.number("longitude", form.longitude());
        if ((latitude == null) != (longitude == null) && !errors.any()) {
            errors.reject(latitude == null ? "latitude" : "longitude", "form.error.required");
        }
        BigDecimal organic = FormErrors.optional(form.organicMatterPct()) == null
                ? null
                : errors.nonNegative("organicMatterPct", form.organicMatterPct());
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return page(model, form);
        }
        ObjectNode request =
                json.createObjectNode().put("id", id).put("kind", "plot").put("nameZh", name);
        request.put("areaMu", area);
        request.putObject("address").put("county", county);
        if (latitude != null && longitude != null) {
            ObjectNode geo = request.putObject("geo").put("type", "Point");
            geo.putArray("coordinates").add(longitude).add(latitude);
        }
        String practice = FormErrors.optional(form.practice());
        if (organic != null || practice != null) {
            ObjectNode soil = request.putObject("soil");
            if (organic != null) {
                soil.put("organicMatterPct", organic);
            }
            if (practice != null) {
                soil.put("practice", practice);
            }
        }
        if (refusals.attempt(model, () -> ledger.registerLocation(user.enrollment(), request), "id")
                .isEmpty()) {
            return page(model, form);
        }
        flash.addFlashAttribute("done", "done.plot");
        return "redirect:/app/plots";
    }

    private String page(Model model, PlotForm form) {
        model.addAttribute("form", form);
        model.addAttribute(
                "plots", directory.plots(user.enrollment(), user.account().mspId()));
        return "app/plots";
    }
}
