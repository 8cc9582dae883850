package io.heitu.service.app;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cold-chain readings uploaded from a data logger's CSV file, recorded as one sensor-reporting
 * event on the lot, as {@code POST /api/events/sensor-readings} does. Nothing is written unless
 * every row reads.
 */
@Controller
class ColdChainController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Refusals refusals;
    private final JsonMapper json;

    ColdChainController(TraceLedger ledger, CurrentUser user, Refusals refusals, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.refusals = refusals;
        this.json = json;
    }

    @GetMapping("/app/coldchain")
    String form(@RequestParam(required = false) String lot, Model model) {
        model.addAttribute("code", lot);
        return "app/coldchain";
    }

    @PostMapping("/app/coldchain")
    String upload(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes flash)
            throws IOException {
        model.addAttribute("code", code);
        FormErrors errors = new FormErrors();
        LotKey lot = errors.lot("code", code);
        if (file == null || file.isEmpty()) {
            errors.reject("file", "coldchain.error.file");
        }
        if (errors.any()) {
            model.addAttribute("errors", errors.view());
            return "app/coldchain";
        }
        ReadingsCsv.Parsed parsed;
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            parsed = ReadingsCsv.parse(reader);
        }
        if (!parsed.errors().isEmpty()) {
            model.addAttribute("rowErrors", parsed.errors());
            return "app/coldchain";
        }
        ObjectNode request = json.createObjectNode().put("bizStep", "sensor_reporting");
        request.putArray("lots").addObject().put("gtin", lot.gtin()).put("lotCode", lot.lotCode());
        request.put(
                "eventTime",
                OffsetDateTime.now(FormErrors.CHINA)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ArrayNode readings = request.putArray("sensorReadings");
        for (ReadingsCsv.Reading reading : parsed.readings()) {
            ObjectNode node = readings.addObject()
                    .put("type", reading.type())
                    .put("value", reading.value())
                    .put("time", reading.time());
            if (reading.deviceId() != null) {
                node.put("deviceId", reading.deviceId());
            }
        }
        if (refusals.attempt(model, () -> ledger.observe(user.enrollment(), request), "code")
                .isEmpty()) {
            return "app/coldchain";
        }
        flash.addFlashAttribute("done", "done.coldchain");
        return "redirect:" + lot.page();
    }
}
