package io.heitu.service.app;

import io.heitu.identity.Enrollment;
import io.heitu.service.api.FarmUnits;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receiving, shipping and selling ({@code /app/move/{step}}) and transformations such as milling,
 * for every organisation that holds goods: farms ship too. The chaincode decides who may do what.
 */
@Controller
class TradeController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Directory directory;
    private final Refusals refusals;
    private final Units units;
    private final JsonMapper json;

    TradeController(
            TraceLedger ledger,
            CurrentUser user,
            Directory directory,
            Refusals refusals,
            Units units,
            JsonMapper json) {
        this.units = units;
        this.ledger = ledger;
        this.user = user;
        this.directory = directory;
        this.refusals = refusals;
        this.json = json;
    }

    /** The three movements and the ledger write each one is. */
    enum Step {
        RECEIVE("fromMsp", TraceLedger::receive),
        SHIP("toMsp", TraceLedger::ship),
        SELL(null, TraceLedger::sell);

        final String partyField;
        final Write write;

        Step(String partyField, Write write) {
            this.partyField = partyField;
            this.write = write;
        }

        static Step of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    interface Write {
        Receipt<?> apply(TraceLedger ledger, Enrollment actor, Object request);
    }

    @GetMapping("/app/move/{step:receive|ship|sell}")
    String moveForm(@PathVariable String step, @RequestParam(required = false) String lot, Model model) {
        return movePage(model, step, TradeForms.Move.blank(lot, units.weight()));
    }

    @PostMapping("/app/move/{step:receive|ship|sell}")
    String move(
            @PathVariable String step,
            TradeForms.Move form,
            Model model,
            RedirectAttributes flash,
            HttpServletResponse response) {
        Step kind = Step.of(step);
        FormErrors errors = new FormErrors();
        LotKey lot = errors.lot("code", form.code());
        BigDecimal quantity = errors.positive("quantity", form.quantity());
        String party = kind == Step.SHIP ? errors.required("party", form.party()) : FormErrors.optional(form.party());
        String time = errors.time("eventTime", form.eventTime());
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return movePage(model, step, form);
        }
        ObjectNode request = json.createObjectNode();
        request.set("lots", lines(lot, quantity, form.uom()));
        if (party != null && kind.partyField != null) {
            request.put(kind.partyField, party);
        }
        String carrier = FormErrors.optional(form.carrier());
        if (kind == Step.SHIP && carrier != null) {
            request.put("carrierMsp", carrier);
        }
        request.put("eventTime", time);
        JsonNode normalised = FarmUnits.normalise(request);
        if (refusals.attempt(
                        model,
                        () -> kind.write.apply(ledger, user.enrollment(), normalised),
                        "code",
                        "quantity",
                        "eventTime",
                        "party")
                .isEmpty()) {
            return movePage(model, step, form);
        }
        flash.addFlashAttribute("done", "done." + step);
        remember(response, form.uom());
        return "redirect:" + lot.page();
    }

    private String movePage(Model model, String step, TradeForms.Move form) {
        model.addAttribute("step", step);
        model.addAttribute("form", form);
        model.addAttribute("organisations", directory.organisations(user.enrollment()));
        return "app/move";
    }

    @GetMapping("/app/transform")
    String transformForm(@RequestParam(required = false) String lot, Model model) {
        return transformPage(model, TradeForms.Transform.blank(lot, units.weight()));
    }

    @PostMapping("/app/transform")
    String transform(TradeForms.Transform form, Model model, RedirectAttributes flash, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        LotKey input = errors.lot("inputCode", form.inputCode());
        BigDecimal inputQuantity = errors.positive("inputQuantity", form.inputQuantity());
        String outputGtin = errors.required("outputGtin", form.outputGtin());
        String outputLot = errors.required("outputLot", LotCodes.fold(form.outputLot()));
        if (outputLot != null && !LotCodes.valid(outputLot)) {
            errors.reject("outputLot", "form.error.lotChars");
        }
        BigDecimal outputQuantity = errors.positive("outputQuantity", form.outputQuantity());
        String time = errors.time("eventTime", form.eventTime());
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return transformPage(model, form);
        }
        ObjectNode request = json.createObjectNode().put("kind", form.kind());
        request.set("inputs", lines(input, inputQuantity, form.inputUom()));
        request.set("outputs", lines(new LotKey(outputGtin, outputLot), outputQuantity, form.outputUom()));
        request.put("eventTime", time);
        JsonNode normalised = FarmUnits.normalise(request);
        if (refusals.attempt(
                        model,
                        () -> ledger.transform(user.enrollment(), normalised),
                        "inputCode",
                        "outputLot",
                        "outputQuantity",
                        "inputQuantity",
                        "eventTime",
                        "outputGtin")
                .isEmpty()) {
            return transformPage(model, form);
        }
        flash.addFlashAttribute("done", "done.transform");
        remember(response, form.outputUom());
        return "redirect:" + new LotKey(outputGtin, outputLot).page();
    }

    private String transformPage(Model model, TradeForms.Transform form) {
        model.addAttribute("form", form);
        model.addAttribute("products", directory.products(user.enrollment()));
        return "app/transform";
    }

    private void remember(HttpServletResponse response, String uom) {
        var cookie = units.remember(uom);
        if (cookie != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        }
    }

    private ArrayNode lines(LotKey lot, BigDecimal quantity, String uom) {
        ArrayNode lines = json.createArrayNode();
        ObjectNode line = lines.addObject().put("gtin", lot.gtin()).put("lotCode", lot.lotCode());
        line.putObject("quantity").put("value", quantity).put("uom", uom);
        return lines;
    }
}
