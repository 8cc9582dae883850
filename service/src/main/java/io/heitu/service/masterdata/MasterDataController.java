package io.heitu.service.masterdata;

import io.heitu.service.api.Answers;
import io.heitu.service.api.Pages;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.identity.Identities;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Organisation;
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

/** Organisations, places (plots with black-soil data, mills, stores) and products. */
@RestController
@RequestMapping("/api")
@Tag(name = "Master data", description = "Organisations, locations and products")
class MasterDataController {

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final Identities identities;
    private final JsonMapper json;

    MasterDataController(TraceLedger ledger, CurrentUser user, Identities identities, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.identities = identities;
        this.json = json;
    }

    @Operation(summary = "Register an organisation (administrators); its certificate authority is created with it")
    @PostMapping("/organisations")
    ResponseEntity<String> registerOrganisation(@RequestBody JsonNode body) {
        var committed = ledger.registerOrganisation(user.enrollment(), body);
        Organisation organisation = committed.answer();
        // A new CA is announced to the ledger (MembershipChanged): its users can transact at once.
        identities.ensureCa(organisation.mspId(), organisation.nameZh());
        return Answers.committed(committed, "/api/organisations/" + organisation.mspId());
    }

    @GetMapping("/organisations")
    ResponseEntity<String> organisations(
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String bookmark) {
        return Answers.json(ledger.organisationsJson(user.enrollment(), Pages.of(json, pageSize, bookmark)));
    }

    @GetMapping("/organisations/{mspId}")
    ResponseEntity<String> organisation(@PathVariable String mspId) {
        return Answers.json(ledger.organisationJson(user.enrollment(), mspId));
    }

    @Operation(summary = "Register a plot, farmstead, warehouse, mill or store of your organisation")
    @PostMapping("/locations")
    ResponseEntity<String> registerLocation(@RequestBody JsonNode body) {
        var committed = ledger.registerLocation(user.enrollment(), body);
        return Answers.committed(
                committed, "/api/locations/" + committed.answer().id());
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
        return Answers.json(ledger.locationsJson(user.enrollment(), query));
    }

    @GetMapping("/locations/{id}")
    ResponseEntity<String> location(@PathVariable String id) {
        return Answers.json(ledger.locationJson(user.enrollment(), id));
    }

    @Operation(summary = "Register a product under its GTIN")
    @PostMapping("/products")
    ResponseEntity<String> registerProduct(@RequestBody JsonNode body) {
        var committed = ledger.registerProduct(user.enrollment(), body);
        return Answers.committed(
                committed, "/api/products/" + committed.answer().gtin());
    }

    @Operation(
            summary = "Regulators: whether a product needs a passing inspection before codes, and the most "
                    + "one mu may yield of it in a season (without one, no harvest of it is accepted)")
    @PostMapping("/products/{gtin}/policy")
    ResponseEntity<String> setPolicy(@PathVariable String gtin, @RequestBody JsonNode body) {
        var committed = ledger.setProductPolicy(user.enrollment(), withField(body, "gtin", gtin));
        return Answers.committed(committed, "/api/products/" + gtin);
    }

    @Operation(summary = "Regulators: the most of one product a kilogram of another may become (paddy → milled rice)")
    @PostMapping("/product-yields")
    ResponseEntity<String> setYield(@RequestBody JsonNode body) {
        var committed = ledger.setYield(user.enrollment(), body);
        return Answers.committed(
                committed, "/api/products/" + committed.answer().outputGtin());
    }

    @Operation(summary = "Regulators: the registered area of a geographical indication (a GeoJSON polygon)")
    @PostMapping("/gi-areas")
    ResponseEntity<String> registerGiArea(@RequestBody JsonNode body) {
        var committed = ledger.registerGiArea(user.enrollment(), body);
        return Answers.committed(committed, "/api/products");
    }

    @Operation(summary = "The owner of a GTIN lets another organisation make lots under it ({\"mspId\"})")
    @PostMapping("/products/{gtin}/licences")
    ResponseEntity<String> license(@PathVariable String gtin, @RequestBody JsonNode body) {
        var committed = ledger.license(user.enrollment(), withField(body, "gtin", gtin));
        return Answers.committed(committed, "/api/products/" + gtin);
    }

    /**
     * The path's key wins over one in the body, so a request cannot name two products; a body that
     * is not an object goes on as it is, for the chaincode to refuse.
     */
    private static JsonNode withField(JsonNode body, String name, String value) {
        if (body instanceof ObjectNode object) {
            return object.deepCopy().put(name, value);
        }
        return body;
    }

    @GetMapping("/products")
    ResponseEntity<String> products(
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String bookmark) {
        return Answers.json(ledger.productsJson(user.enrollment(), Pages.of(json, pageSize, bookmark)));
    }

    @GetMapping("/products/{gtin}")
    ResponseEntity<String> product(@PathVariable String gtin) {
        return Answers.json(ledger.productJson(user.enrollment(), gtin));
    }
}
