package io.heitu.service.terms;

import io.heitu.service.api.Answers;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.Receipt;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.problem.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shipment's commercial terms, addressed by the shipment's event hash (the hex digest inside its
 * {@code ni:///sha-256;…} event ID, which has slashes and cannot be a path segment). The terms go to
 * the ledger as transient data, never as an argument; the public ledger keeps only their hash.
 */
@RestController
@Tag(name = "Shipment terms", description = "Prices, contract and invoice numbers seen only by the two trading parties")
class ShipmentTermsController {

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final JsonMapper json;

    ShipmentTermsController(TraceLedger ledger, CurrentUser user, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.json = json;
    }

    @Operation(
            summary = "Record (or replace) the terms of a shipment you sent or received",
            description = "Body: {\"price\":{\"amount\":\"3.20\",\"currency\":\"CNY\",\"unit\":\"jin\"},"
                    + "\"contractNumber\",\"invoiceNumber\",\"customer\":{\"name\",\"contact\",\"phone\",\"address\",\"taxId\"},"
                    + "\"paymentTerms\"}. Units: jin (斤), kg, t, mu, piece, bag, box. Answers the hash on the channel.")
    @ApiResponse(responseCode = "200", description = "Recorded: {shipmentEventId, collection, hash}")
    @PutMapping(value = "/api/shipments/{shipment}/terms", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> record(
            @PathVariable @Parameter(description = DIGEST_TEXT) String shipment, @RequestBody JsonNode body) {
        Receipt<?> receipt = ledger.recordTerms(user.enrollment(), eventId(shipment), salted(body));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Transaction-Id", receipt.txId())
                .header("X-Block-Number", Long.toString(receipt.blockNumber()))
                .body(receipt.json());
    }

    @Operation(summary = "The terms of a shipment: for its seller and buyer only (403 FORBIDDEN_TERMS for others)")
    @ApiResponse(responseCode = "200", description = "{shipmentEventId, seller, buyer, collection, terms, hash}")
    @GetMapping("/api/shipments/{shipment}/terms")
    ResponseEntity<String> terms(@PathVariable @Parameter(description = DIGEST_TEXT) String shipment) {
        return Answers.json(ledger.termsJson(user.enrollment(), eventId(shipment)));
    }

    @Operation(
            summary = "Check a copy of a shipment's terms against the hash on the channel",
            description = "Open to whoever may read the shipment. Send the terms exactly as recorded, salt included.")
    @ApiResponse(responseCode = "200", description = "{shipmentEventId, collection, hash, matches}")
    @PostMapping(value = "/api/shipments/{shipment}/terms/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> verify(
            @PathVariable @Parameter(description = DIGEST_TEXT) String shipment, @RequestBody JsonNode body) {
        return Answers.json(ledger.verifyTermsJson(user.enrollment(), eventId(shipment), json.writeValueAsBytes(body)));
    }

    private static final String DIGEST_TEXT = "the shipment event's SHA-256, 64 lowercase hex digits";

    private static String eventId(String shipment) {
        if (!DIGEST.matcher(shipment).matches()) {
            throw new ApiException("INVALID_ARGUMENT", "a shipment is addressed by its event hash, 64 hex digits");
        }
        return "ni:///sha-256;" + shipment + "?ver=CBV2.0";
    }

    /**
     * The terms with a random salt, unless they carry one: the hash on the channel must not let
     * anyone confirm a guessed price (a price alone has few likely values).
     */
    private byte[] salted(JsonNode body) {
        if (!(body instanceof ObjectNode terms)) {
            throw new ApiException("MALFORMED_REQUEST", "the terms are a JSON object");
        }
        if (!terms.hasNonNull("salt")) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            terms.put("salt", HexFormat.of().formatHex(salt));
        }
        return json.writeValueAsBytes(terms);
    }
}
