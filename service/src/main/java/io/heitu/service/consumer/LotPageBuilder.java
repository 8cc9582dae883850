package io.heitu.service.consumer;

import io.heitu.identity.Enrollment;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.TraceLedger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads what a consumer page needs from the ledger, as the consumer reader: the lot, its product,
 * the lots it was made from, their events and certificates, the product's certificates and the
 * code issuances. Some twenty queries: done once per lot, then served from {@link LotPages}.
 */
@Component
class LotPageBuilder {

    private static final int EVENT_PAGE = 500;
    private static final int MAX_EVENT_PAGES = 10;

    private final TraceLedger ledger;
    private final Ledger proofs;
    private final CurrentUser user;
    private final Names names;
    private final JsonMapper json;

    LotPageBuilder(TraceLedger ledger, Ledger proofs, CurrentUser user, Names names, JsonMapper json) {
        this.ledger = ledger;
        this.proofs = proofs;
        this.user = user;
        this.names = names;
        this.json = json;
    }

    /** @throws io.heitu.service.ledger.LedgerException.Rejected LOT_NOT_FOUND and the like */
    LotPage build(String gtin, String lotCode) {
        Enrollment reader = user.reader();
        JsonNode view = json.readTree(ledger.lot(reader, gtin, lotCode));
        JsonNode product = json.readTree(ledger.product(reader, gtin));
        JsonNode lineage =
                json.readTree(ledger.lineage(reader, lotRef(gtin, lotCode).put("direction", "backward")));

        Set<String> dependsOn = new LinkedHashSet<>();
        Set<String> seenEvents = new HashSet<>();
        Journeys journeys = new Journeys(names, proofs);
        List<LotPage.Certificate> certificates = new ArrayList<>();
        for (JsonNode node : lineage.path("nodes")) {
            dependsOn.add(node.path("lot").asString());
            String nodeGtin = node.path("gtin").asString();
            String nodeLot = node.path("lotCode").asString();
            events(reader, nodeGtin, nodeLot, item -> {
                if (seenEvents.add(item.path("eventId").asString())) {
                    journeys.add(item);
                }
            });
            String scope = node.path("depth").asInt() == 0 ? "lot" : "source";
            for (JsonNode certificate : json.readTree(ledger.certificates(reader, lotRef(nodeGtin, nodeLot)))) {
                certificates.add(certificate(certificate, scope, nodeLot));
            }
        }
        String owner = product.path("ownerMsp").asString();
        String producer =
                view.path("lot").path("provenance").path("producerMsp").asString(owner);
        for (String mspId : new LinkedHashSet<>(List.of(owner, producer))) {
            for (JsonNode certificate : json.readTree(
                    ledger.certificates(reader, json.createObjectNode().put("mspId", mspId)))) {
                String forProduct =
                        certificate.path("subject").path("productGtin").asString(null);
                if (forProduct == null || forProduct.equals(gtin)) {
                    certificates.add(certificate(certificate, forProduct == null ? "organisation" : "product", null));
                }
            }
        }
        return new LotPage(
                product(product, certificates),
                LotViews.lot(view, names),
                LotViews.origin(lineage, names),
                journeys.steps(),
                journeys.inspections(),
                LotViews.grade(view.path("lot").path("grade")),
                certificates,
                issuances(reader, gtin, lotCode),
                dependsOn);
    }

    private void events(Enrollment reader, String gtin, String lotCode, Consumer<JsonNode> sink) {
        String bookmark = "";
        for (int page = 0; page < MAX_EVENT_PAGES; page++) {
            ObjectNode query = lotRef(gtin, lotCode).put("pageSize", EVENT_PAGE).put("bookmark", bookmark);
            JsonNode answer = json.readTree(ledger.lotEvents(reader, query));
            answer.path("items").forEach(sink);
            bookmark = answer.path("bookmark").asString("");
            if (bookmark.isEmpty() || answer.path("items").size() < EVENT_PAGE) {
                return;
            }
        }
    }

    private LotPage.Product product(JsonNode product, List<LotPage.Certificate> certificates) {
        boolean gi = product.hasNonNull("giName")
                && certificates.stream()
                        .anyMatch(
                                c -> "gi_authorisation".equals(c.type()) && !c.lapsed(LocalDate.now(Quantities.CHINA)));
        return new LotPage.Product(
                product.path("gtin").asString(),
                product.path("nameZh").asString(),
                product.path("nameEn").asString(null),
                product.path("category").asString(null),
                product.path("giName").asString(null),
                gi,
                product.path("standard").asString(null),
                Quantities.of(product.path("netContent")),
                names.org(product.path("ownerMsp").asString()));
    }

    private LotPage.Certificate certificate(JsonNode certificate, String scope, String lotCode) {
        return new LotPage.Certificate(
                certificate.path("type").asString(),
                certificate.path("number").asString(),
                names.org(certificate.path("issuerMsp").asString()),
                certificate.path("standard").asString(null),
                Quantities.date(certificate.path("validFrom")),
                Quantities.date(certificate.path("validUntil")),
                certificate.path("status").asString(),
                scope,
                lotCode);
    }

    private List<LotPage.Issuance> issuances(Enrollment reader, String gtin, String lotCode) {
        List<LotPage.Issuance> issuances = new ArrayList<>();
        for (JsonNode issuance : json.readTree(ledger.issuances(reader, gtin, lotCode))) {
            String txId = issuance.path("issuanceId").asString();
            Optional<LotPage.Proof> proof = proofs.proof(txId)
                    .map(p -> new LotPage.Proof(
                            p.txId(),
                            p.blockNumber(),
                            p.blockHash(),
                            p.committedAt().atOffset(Quantities.CHINA)));
            issuances.add(new LotPage.Issuance(
                    txId,
                    issuance.path("issuerMsp").asString(),
                    issuance.path("keyId").asString(),
                    issuance.path("perUnit").asBoolean(),
                    issuance.path("count").asInt(),
                    proof.orElse(null)));
        }
        return issuances;
    }

    private ObjectNode lotRef(String gtin, String lotCode) {
        return json.createObjectNode().put("gtin", gtin).put("lotCode", lotCode);
    }
}
