package io.heitu.service.app;

import io.heitu.ledger.identity.Enrollment;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.trace.Lineages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a lot, its events and, after a recall, every lot made from it, for the pages. */
@Component
class LotDetails {

    private final TraceLedger ledger;
    private final Lineages lineages;
    private final Directory directory;
    private final Wording words;
    private final JsonMapper json;

    LotDetails(TraceLedger ledger, Lineages lineages, Directory directory, Wording words, JsonMapper json) {
        this.ledger = ledger;
        this.lineages = lineages;
        this.directory = directory;
        this.words = words;
        this.json = json;
    }

    LotDetail of(Enrollment actor, LotKey key) {
        JsonNode view = json.readTree(ledger.lot(actor, key.gtin(), key.lotCode()));
        JsonNode lot = view.path("lot");
        List<Choice> orgs = directory.organisations(actor);
        String state = view.path("state").asString("");
        JsonNode inspection = lot.path("inspection");
        String tested = inspection.isMissingNode()
                ? ""
                : words.text(
                        "lot.inspection." + inspection.path("result").asString(""),
                        inspection.path("passed").asInt(),
                        inspection.path("total").asInt(),
                        words.time(inspection.path("at").asString("")));
        return new LotDetail(
                key.gtin(),
                key.lotCode(),
                productName(directory.products(actor), key.gtin()),
                Directory.nameOf(
                        orgs, lot.path("provenance").path("producerMsp").asString("")),
                state,
                words.quantity(view.path("remaining")),
                state.equals("recalled")
                        ? view.path("recall").path("reason").asString("")
                        : state.equals("on_hold") ? reasons(view.path("holds")) : "",
                tested,
                lot.path("grade").path("label").asString(""),
                holdings(view, orgs),
                steps(actor, key, orgs),
                certificates(actor, key, orgs),
                ownHolds(lot.path("holds"), orgs));
    }

    /** Every hold that applies, its own and its source lots': each stays until it is released. */
    private static String reasons(JsonNode holds) {
        List<String> reasons = new ArrayList<>();
        holds.forEach(hold -> reasons.add(hold.path("reason").asString("")));
        return String.join("；", reasons);
    }

    /** The holds the lot carries itself, each released on its own (reason, id, time, by whom). */
    private List<LotDetail.Line> ownHolds(JsonNode holds, List<Choice> orgs) {
        List<LotDetail.Line> lines = new ArrayList<>();
        for (JsonNode hold : holds) {
            lines.add(new LotDetail.Line(
                    hold.path("reason").asString(""),
                    hold.path("id").asString(""),
                    words.time(hold.path("at").asString("")),
                    Directory.nameOf(orgs, hold.path("byMsp").asString(""))));
        }
        return lines;
    }

    /** Every lot made from this one (the lot first) with who holds how much of it: a recall's reach. */
    List<LotDetail.Line> affected(Enrollment actor, LotKey key) {
        List<Choice> orgs = directory.organisations(actor);
        List<Product> products = directory.products(actor);
        List<LotDetail.Line> lines = new ArrayList<>();
        // Every page: a recall reaching more lots than one page holds must list them all.
        for (JsonNode node : lineages.lineage(actor, key.gtin(), key.lotCode(), "forward", null)
                .path("nodes")) {
            String lot = productName(products, node.path("gtin").asString()) + " · "
                    + node.path("lotCode").asString();
            List<String> holders = new ArrayList<>();
            for (JsonNode holding : node.path("holdings")) {
                holders.add(Directory.nameOf(orgs, holding.path("mspId").asString()) + " "
                        + words.quantity(holding.path("quantity")));
            }
            for (JsonNode transit : node.path("inTransit")) {
                holders.add(words.text(
                        "recall.inTransit",
                        Directory.nameOf(orgs, transit.path("toMsp").asString()),
                        words.quantity(transit.path("quantity"))));
            }
            String held = holders.isEmpty() ? words.text("recall.noneHeld") : String.join("; ", holders);
            lines.add(new LotDetail.Line(
                    lot,
                    held,
                    words.word("app.state", node.path("status").asString("")),
                    node.path("lotCode").asString()));
        }
        return lines;
    }

    private List<CertificateLine> certificates(Enrollment actor, LotKey key, List<Choice> orgs) {
        var subject = json.createObjectNode().put("gtin", key.gtin()).put("lotCode", key.lotCode());
        List<CertificateLine> lines = new ArrayList<>();
        for (JsonNode certificate : json.readTree(ledger.certificates(actor, subject))) {
            String issuer = certificate.path("issuerMsp").asString("");
            lines.add(new CertificateLine(
                    issuer,
                    Directory.nameOf(orgs, issuer),
                    certificate.path("number").asString(""),
                    words.word("certificate.type", certificate.path("type").asString("")),
                    certificate.path("status").asString(""),
                    certificate.path("validUntil").asString("")));
        }
        return lines;
    }

    private List<LotDetail.Line> holdings(JsonNode view, List<Choice> orgs) {
        List<LotDetail.Line> lines = new ArrayList<>();
        for (JsonNode holding : view.path("holdings")) {
            lines.add(new LotDetail.Line(
                    Directory.nameOf(orgs, holding.path("mspId").asString()),
                    words.quantity(holding.path("quantity")),
                    "",
                    holding.path("mspId").asString()));
        }
        return lines;
    }

    private List<LotDetail.Line> steps(Enrollment actor, LotKey key, List<Choice> orgs) {
        var query = json.createObjectNode()
                .put("gtin", key.gtin())
                .put("lotCode", key.lotCode())
                .put("pageSize", MyLots.PAGE);
        List<LotDetail.Line> steps = new ArrayList<>();
        for (JsonNode item : json.readTree(ledger.lotEvents(actor, query)).path("items")) {
            JsonNode event = item.path("event");
            String kind = event.path("jl:transformationKind").asString("");
            String origin = event.path("jl:origin").asString("");
            String step = !kind.isEmpty()
                    ? kind
                    : !origin.isEmpty() ? origin : event.path("bizStep").asString("");
            steps.add(new LotDetail.Line(
                    words.word("step", step),
                    "",
                    words.time(event.path("eventTime").asString("")),
                    Directory.nameOf(orgs, item.path("recordedBy").asString(""))));
        }
        return steps;
    }

    private static String productName(List<Product> products, String gtin) {
        return products.stream()
                .filter(product -> product.gtin().equals(gtin))
                .map(Product::name)
                .findFirst()
                .orElse(gtin);
    }
}
