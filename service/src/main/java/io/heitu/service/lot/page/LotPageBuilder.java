package io.heitu.service.lot.page;

import io.heitu.identity.Enrollment;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Attachment;
import io.heitu.service.ledger.wire.CertificateView;
import io.heitu.service.ledger.wire.IssuanceRecord;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Page;
import io.heitu.service.ledger.wire.Product;
import io.heitu.service.ledger.wire.StoredEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
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
        LotView view = ledger.lot(reader, gtin, lotCode);
        Product product = ledger.product(reader, gtin);
        LineageGraph lineage = ledger.lineage(reader, lotRef(gtin, lotCode).put("direction", "backward"));

        Set<String> dependsOn = new LinkedHashSet<>();
        Set<String> seenEvents = new HashSet<>();
        Journeys journeys = new Journeys(names, proofs);
        List<LotPage.Certificate> certificates = new ArrayList<>();
        List<LotPage.Evidence> evidence = new ArrayList<>();
        for (Attachment file : ledger.evidence(reader, gtin, null)) {
            evidence.add(evidence(file));
        }
        for (LineageGraph.Node node : lineage.nodes()) {
            for (Attachment file : ledger.evidence(reader, node.gtin(), node.lotCode())) {
                evidence.add(evidence(file));
            }
            dependsOn.add(node.lot());
            events(reader, node.gtin(), node.lotCode(), item -> {
                if (seenEvents.add(item.eventId())) {
                    journeys.add(item);
                }
            });
            String scope = node.depth() == 0 ? "lot" : "source";
            for (CertificateView certificate : ledger.certificates(reader, lotRef(node.gtin(), node.lotCode()))) {
                certificates.add(certificate(certificate, scope, node.lotCode()));
            }
        }
        String owner = product.ownerMsp();
        LotView.Provenance provenance = view.lot().provenance();
        String producer = provenance == null || provenance.producerMsp() == null ? owner : provenance.producerMsp();
        for (String mspId : new LinkedHashSet<>(List.of(owner, producer))) {
            for (CertificateView certificate :
                    ledger.certificates(reader, json.createObjectNode().put("mspId", mspId))) {
                String forProduct = certificate.subject() == null
                        ? null
                        : certificate.subject().productGtin();
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
                LotViews.grade(view.lot().grade()),
                certificates,
                evidence,
                issuances(reader, gtin, lotCode),
                dependsOn);
    }

    private void events(Enrollment reader, String gtin, String lotCode, Consumer<StoredEvent> sink) {
        String bookmark = "";
        for (int page = 0; page < MAX_EVENT_PAGES; page++) {
            ObjectNode query = lotRef(gtin, lotCode).put("pageSize", EVENT_PAGE).put("bookmark", bookmark);
            Page<StoredEvent> answer = ledger.lotEvents(reader, query);
            answer.items().forEach(sink);
            bookmark = answer.bookmark();
            if (answer.last(EVENT_PAGE)) {
                return;
            }
        }
    }

    private LotPage.Product product(Product product, List<LotPage.Certificate> certificates) {
        boolean gi = product.giName() != null
                && certificates.stream()
                        .anyMatch(
                                c -> "gi_authorisation".equals(c.type()) && !c.lapsed(LocalDate.now(Quantities.CHINA)));
        return new LotPage.Product(
                product.gtin(),
                product.nameZh(),
                product.nameEn(),
                product.category(),
                product.giName(),
                gi,
                product.standard(),
                Quantities.of(product.netContent()),
                names.org(product.ownerMsp()));
    }

    private LotPage.Certificate certificate(CertificateView certificate, String scope, String lotCode) {
        return new LotPage.Certificate(
                certificate.type(),
                certificate.number(),
                names.org(certificate.issuerMsp()),
                certificate.standard(),
                Quantities.date(certificate.validFrom()),
                Quantities.date(certificate.validUntil()),
                certificate.status(),
                scope,
                lotCode,
                certificate.commitment() == null
                        ? null
                        : certificate.commitment().contact());
    }

    private LotPage.Evidence evidence(Attachment file) {
        return new LotPage.Evidence(
                file.kind(),
                file.sha256(),
                file.mediaType(),
                file.width(),
                file.height(),
                file.pages(),
                file.caption(),
                file.lotCode(),
                names.org(file.attachedBy()),
                Quantities.time(file.attachedAt()),
                file.txId());
    }

    private List<LotPage.Issuance> issuances(Enrollment reader, String gtin, String lotCode) {
        List<LotPage.Issuance> issuances = new ArrayList<>();
        for (IssuanceRecord issuance : ledger.issuances(reader, gtin, lotCode)) {
            String txId = issuance.issuanceId();
            Optional<LotPage.Proof> proof = proofs.proof(txId)
                    .map(p -> new LotPage.Proof(
                            p.txId(),
                            p.blockNumber(),
                            p.blockHash(),
                            p.committedAt().atOffset(Quantities.CHINA)));
            issuances.add(new LotPage.Issuance(
                    txId,
                    issuance.issuerMsp(),
                    issuance.keyId(),
                    issuance.perUnit(),
                    issuance.count(),
                    proof.orElse(null)));
        }
        return issuances;
    }

    private ObjectNode lotRef(String gtin, String lotCode) {
        return json.createObjectNode().put("gtin", gtin).put("lotCode", lotCode);
    }
}
