package io.heitu.service.event;

import io.heitu.service.api.Answers;
import io.heitu.service.api.FarmUnits;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every step in the words farmers and traders use. Each answers {@code {"eventId","duplicate","lots"}}:
 * 201 for a new event, 200 when the ledger already held the same event.
 */
@RestController
@Tag(name = "Events", description = "Supply-chain steps recorded as GS1 EPCIS 2.0 events")
class EventController {

    private final TraceLedger ledger;
    private final CurrentUser user;

    EventController(TraceLedger ledger, CurrentUser user) {
        this.ledger = ledger;
        this.user = user;
    }

    @Operation(summary = "Fertiliser, pesticide or drug applied on your plot, with its pre-harvest interval")
    @PostMapping("/api/events/input-applications")
    ResponseEntity<String> inputApplication(@RequestBody JsonNode body) {
        return Answers.committed(ledger.applyInput(user.enrollment(), body));
    }

    @Operation(summary = "Drying, milling, polishing, cutting, packing, splitting or merging lots")
    @PostMapping("/api/events/transformations")
    ResponseEntity<String> transformation(@RequestBody JsonNode body) {
        return Answers.committed(ledger.transform(user.enrollment(), FarmUnits.normalise(body)));
    }

    @Operation(summary = "Ship lots you hold to another organisation")
    @PostMapping("/api/events/shipments")
    ResponseEntity<String> shipment(@RequestBody JsonNode body) {
        return Answers.committed(ledger.ship(user.enrollment(), FarmUnits.normalise(body)));
    }

    @Operation(summary = "Receive lots shipped to you")
    @PostMapping("/api/events/receipts")
    ResponseEntity<String> receipt(@RequestBody JsonNode body) {
        return Answers.committed(ledger.receive(user.enrollment(), FarmUnits.normalise(body)));
    }

    @Operation(summary = "Retail sale to consumers")
    @PostMapping("/api/events/sales")
    ResponseEntity<String> sale(@RequestBody JsonNode body) {
        return Answers.committed(ledger.sell(user.enrollment(), FarmUnits.normalise(body)));
    }

    @Operation(summary = "Destruction, e.g. of recalled goods")
    @PostMapping("/api/events/disposals")
    ResponseEntity<String> disposal(@RequestBody JsonNode body) {
        return Answers.committed(ledger.dispose(user.enrollment(), FarmUnits.normalise(body)));
    }

    @Operation(summary = "Storing, packing, loading … an observation that moves no quantity")
    @PostMapping("/api/events/observations")
    ResponseEntity<String> observation(@RequestBody JsonNode body) {
        return Answers.committed(ledger.observe(user.enrollment(), body));
    }

    @Operation(summary = "Cold-chain readings (temperature °C, humidity %) for lots you hold or carry")
    @PostMapping("/api/events/sensor-readings")
    ResponseEntity<String> sensorReadings(@RequestBody JsonNode body) {
        // A body that is not an object goes to the chaincode as it came, which refuses it with a 400.
        if (body instanceof ObjectNode request && !request.has("bizStep")) {
            request.put("bizStep", "sensor_reporting");
        }
        return Answers.committed(ledger.observe(user.enrollment(), body));
    }

    @Operation(summary = "Lots packed onto (ADD) or taken off (DELETE) a pallet with an SSCC")
    @PostMapping("/api/events/aggregations")
    ResponseEntity<String> aggregation(@RequestBody JsonNode body) {
        return Answers.committed(ledger.aggregate(user.enrollment(), FarmUnits.normalise(body)));
    }

    @Operation(
            summary =
                    "Many recordings in one transaction, all or nothing (up to 500): loggers, scales, spreadsheet imports")
    @PostMapping("/api/events/batch")
    ResponseEntity<String> batch(@RequestBody JsonNode body) {
        return Answers.batch(ledger.batch(user.enrollment(), FarmUnits.normalise(body)));
    }

    @Operation(summary = "One event by its hash ID (ni:///sha-256;…)")
    @GetMapping("/api/events")
    ResponseEntity<String> event(@RequestParam("id") String eventId) {
        return Answers.json(ledger.eventJson(user.enrollment(), eventId));
    }

    @Operation(summary = "Inputs applied on a plot, with the date each becomes safe to harvest")
    @GetMapping("/api/plots/{plotId}/inputs")
    ResponseEntity<String> plotInputs(@PathVariable String plotId) {
        return Answers.json(ledger.plotInputsJson(user.enrollment(), plotId));
    }
}
