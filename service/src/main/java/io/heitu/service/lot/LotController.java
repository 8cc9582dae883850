package io.heitu.service.lot;

import io.heitu.service.api.Answers;
import io.heitu.service.api.FarmUnits;
import io.heitu.service.api.Pages;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Lots: harvest, status, history, events, lineage, hold, release and recall. */
@RestController
@RequestMapping("/api/lots")
@Tag(name = "Lots", description = "Traceability lots (GTIN + lot code)")
class LotController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final JsonMapper json;

    LotController(TraceLedger ledger, CurrentUser user, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.json = json;
    }

    @Operation(summary = "Record a harvest or slaughter: a new lot at one of your plots (quantities may be in JIN, 斤)")
    @PostMapping("/harvests")
    ResponseEntity<String> harvest(@RequestBody JsonNode body) {
        var committed = ledger.commission(user.enrollment(), FarmUnits.normalise(body));
        // The new lot's address is the request's own GTIN and lot code.
        return Answers.committed(
                committed,
                "/api/lots/" + body.path("gtin").asString() + "/"
                        + body.path("lotCode").asString());
    }

    @Operation(
            summary = "Lots your organisation holds (or, with produced=true, made; with asked=true, was asked to"
                    + " inspect)")
    @GetMapping
    ResponseEntity<String> lots(
            @RequestParam(required = false) String mspId,
            @RequestParam(defaultValue = "false") boolean produced,
            @RequestParam(defaultValue = "false") boolean asked,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String bookmark) {
        ObjectNode query = Pages.of(json, pageSize, bookmark);
        query.put("mspId", mspId == null ? user.account().mspId() : mspId);
        query.put("produced", produced);
        if (asked) {
            query.put("asked", true);
        }
        return Answers.json(ledger.lotsJson(user.enrollment(), query));
    }

    @GetMapping("/{gtin}/{lotCode}")
    ResponseEntity<String> lot(@PathVariable String gtin, @PathVariable String lotCode) {
        return Answers.json(ledger.lotJson(user.enrollment(), gtin, lotCode));
    }

    @Operation(summary = "Every committed version of the lot record (the ledger's key history)")
    @GetMapping("/{gtin}/{lotCode}/history")
    ResponseEntity<String> history(@PathVariable String gtin, @PathVariable String lotCode) {
        return Answers.json(ledger.lotHistoryJson(user.enrollment(), gtin, lotCode));
    }

    @GetMapping("/{gtin}/{lotCode}/events")
    ResponseEntity<String> events(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String bookmark) {
        ObjectNode query = Pages.of(json, pageSize, bookmark).put("gtin", gtin).put("lotCode", lotCode);
        return Answers.json(ledger.lotEventsJson(user.enrollment(), query));
    }

    @Operation(summary = "Backward (sources) or forward (destinations) lineage as a graph")
    @GetMapping("/{gtin}/{lotCode}/lineage")
    ResponseEntity<String> lineage(
            @PathVariable String gtin,
            @PathVariable String lotCode,
            @RequestParam(defaultValue = "backward") String direction,
            @RequestParam(required = false) Integer maxDepth,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) Integer offset) {
        ObjectNode query = json.createObjectNode()
                .put("gtin", gtin)
                .put("lotCode", lotCode)
                .put("direction", direction);
        if (maxDepth != null) {
            query.put("maxDepth", maxDepth);
        }
        if (pageSize != null) {
            query.put("pageSize", pageSize);
        }
        if (offset != null) {
            query.put("offset", offset);
        }
        return Answers.json(ledger.lineageJson(user.enrollment(), query));
    }

    @GetMapping("/{gtin}/{lotCode}/certificates")
    ResponseEntity<String> certificates(@PathVariable String gtin, @PathVariable String lotCode) {
        return Answers.json(ledger.certificatesJson(
                user.enrollment(), json.createObjectNode().put("gtin", gtin).put("lotCode", lotCode)));
    }

    @Operation(summary = "Put the lot and every lot made from it on hold (inspectors, regulators)")
    @PostMapping("/{gtin}/{lotCode}/hold")
    ResponseEntity<String> hold(@PathVariable String gtin, @PathVariable String lotCode, @RequestBody JsonNode body) {
        return Answers.committed(ledger.hold(user.enrollment(), withLot(body, gtin, lotCode)));
    }

    @PostMapping("/{gtin}/{lotCode}/release")
    ResponseEntity<String> release(
            @PathVariable String gtin, @PathVariable String lotCode, @RequestBody JsonNode body) {
        return Answers.committed(ledger.release(user.enrollment(), withLot(body, gtin, lotCode)));
    }

    @Operation(
            summary = "Ask an inspection body to inspect the lot (a party to it): it then reads the lot and its"
                    + " lineage")
    @PostMapping("/{gtin}/{lotCode}/inspection-requests")
    ResponseEntity<String> requestInspection(
            @PathVariable String gtin, @PathVariable String lotCode, @RequestBody JsonNode body) {
        return Answers.committed(ledger.requestInspection(user.enrollment(), withLot(body, gtin, lotCode)));
    }

    @Operation(summary = "Recall the lot and every lot made from it (inspectors, regulators)")
    @PostMapping("/{gtin}/{lotCode}/recall")
    ResponseEntity<String> recall(@PathVariable String gtin, @PathVariable String lotCode, @RequestBody JsonNode body) {
        return Answers.committed(ledger.recall(user.enrollment(), withLot(body, gtin, lotCode)));
    }

    private JsonNode withLot(JsonNode body, String gtin, String lotCode) {
        ObjectNode request = body instanceof ObjectNode object ? object : json.createObjectNode();
        return request.put("gtin", gtin).put("lotCode", lotCode);
    }
}
