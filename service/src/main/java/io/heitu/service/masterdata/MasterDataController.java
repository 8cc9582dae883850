package io.heitu.service.masterdata;

import io.heitu.service.api.Answers;
import io.heitu.service.api.Pages;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.Identities;
import io.heitu.service.ledger.Ledger;
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

/** Organisations, places (plots with black-soil data, mills, stores) and products. */
@RestController
@RequestMapping("/api")
@Tag(name = "Master data", description = "Organisations, locations and products")
class MasterDataController {

    private final TraceLedger ledger;
    private final Ledger ledgerPort;
    private final CurrentUser user;
    private final Identities identities;
    private final JsonMapper json;

    MasterDataController(
            TraceLedger ledger, Ledger ledgerPort, CurrentUser user, Identities identities, JsonMapper json) {
        this.ledger = ledger;
        this.ledgerPort = ledgerPort;
        this.user = user;
        this.identities = identities;
        this.json = json;
    }

    @Operation(summary = "Register an organisation (administrators); its certificate authority is created with it")
    @PostMapping("/organisations")
    ResponseEntity<String> registerOrganisation(@RequestBody JsonNode body) {
        var committed = ledger.registerOrganisation(user.enrollment(), body);
        JsonNode organisation = json.readTree(committed.json());
        String mspId = organisation.path("mspId").asString();
        if (!identities.hasCa(mspId)) {
            identities.ensureCa(mspId, organisation.path("nameZh").asString());
            ledgerPort.organisationsChanged();
        }
        return Answers.committed(
                committed, "/api/organisations/" + organisation.path("mspId").asString());
    }

    @GetMapping("/organisations")
    ResponseEntity<String> organisations(
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String bookmark) {
        return Answers.json(ledger.organisations(user.enrollment(), Pages.of(json, pageSize, bookmark)));
    }

    @GetMapping("/organisations/{mspId}")
    ResponseEntity<String> organisation(@PathVariable String mspId) {
        return Answers.json(ledger.organisation(user.enrollment(), mspId));
    }

    @Operation(summary = "Register a plot, farmstead, warehouse, mill or store of your organisation")
    @PostMapping("/locations")
    ResponseEntity<String> registerLocation(@RequestBody JsonNode body) {
        var committed = ledger.registerLocation(user.enrollment(), body);
        return Answers.committed(
                committed,
                "/api/locations/" + json.readTree(committed.json()).path("id").asString());
    }

    @GetMapping("/locations")
    ResponseEntity<String> locations(
            @RequestParam(required = false) String ownerMsp,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String bookmark) {
        var query = Pages.of(json, pageSize, bookmark);
        if (ownerMsp != null) {
            query.put("ownerMsp", ownerMsp);
        }
        return Answers.json(ledger.locations(user.enrollment(), query));
    }

    @GetMapping("/locations/{id}")
    ResponseEntity<String> location(@PathVariable String id) {
        return Answers.json(ledger.location(user.enrollment(), id));
    }

    @Operation(summary = "Register a product under its GTIN")
    @PostMapping("/products")
    ResponseEntity<String> registerProduct(@RequestBody JsonNode body) {
        var committed = ledger.registerProduct(user.enrollment(), body);
        return Answers.committed(
                committed,
                "/api/products/" + json.readTree(committed.json()).path("gtin").asString());
    }

    @GetMapping("/products")
    ResponseEntity<String> products(
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String bookmark) {
        return Answers.json(ledger.products(user.enrollment(), Pages.of(json, pageSize, bookmark)));
    }

    @GetMapping("/products/{gtin}")
    ResponseEntity<String> product(@PathVariable String gtin) {
        return Answers.json(ledger.product(user.enrollment(), gtin));
    }
}
