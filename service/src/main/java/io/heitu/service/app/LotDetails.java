package io.heitu.service.app;

import io.heitu.identity.Enrollment;
import io.heitu.service.consumer.PreviewLinks;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Attachment;
import io.heitu.service.ledger.wire.CertificateView;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Page;
import io.heitu.service.ledger.wire.Quantity;
import io.heitu.service.ledger.wire.StoredEvent;
import io.heitu.service.trace.Lineages;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads a lot, its events and, after a recall, every lot made from it, for the pages. */
@Component
class LotDetails {

    private final TraceLedger ledger;
    private final Lineages lineages;
    private final Directory directory;
    private final Wording words;
    private final PreviewLinks previews;
    private final JsonMapper json;

    LotDetails(
            TraceLedger ledger,
            Lineages lineages,
            Directory directory,
            Wording words,
            PreviewLinks previews,
            JsonMapper json) {
        this.ledger = ledger;
        this.previews = previews;
        this.lineages = lineages;
        this.directory = directory;
        this.words = words;
        this.json = json;
    }

    /** The lot as the organisation {@code mspId} sees it. */
    LotDetail of(Enrollment actor, String mspId, LotKey key) {
        LotView view = ledger.lot(actor, key.gtin(), key.lotCode());
        LotView.Lot lot = view.lot();
        List<Choice> orgs = directory.organisations(actor);
        List<ProductChoice> products = directory.products(actor);
        LotView.Inspection inspection = lot.inspection();
        String tested = inspection == null
                ? ""
                : words.text(
                        "lot.inspection." + orEmpty(inspection.result()),
                        inspection.passed(),
                        inspection.total(),
                        words.time(orEmpty(inspection.at())));
        String producer =
                lot.provenance() == null ? "" : orEmpty(lot.provenance().producerMsp());
        Quantity held = view.heldBy(mspId)
                .filter(quantity -> quantity.value() != null && quantity.value().signum() > 0)
                .orElse(null);
        boolean owned = products.stream()
                .anyMatch(product ->
                        product.gtin().equals(key.gtin()) && product.ownerMsp().equals(mspId));
        List<Attachment> files = new ArrayList<>(ledger.evidence(actor, key.gtin(), key.lotCode()));
        files.addAll(ledger.evidence(actor, key.gtin(), null));
        return new LotDetail(
                key.gtin(),
                key.lotCode(),
                productName(products, key.gtin()),
                Directory.nameOf(orgs, producer),
                view.state() == null ? "" : view.state().word(),
                words.quantity(view.remaining()),
                held == null ? "" : words.quantity(held),
                view.statusReason(),
                tested,
                lot.grade() == null ? "" : orEmpty(lot.grade().label()),
                producer.equals(mspId),
                owned,
                previews.link(key.gtin(), key.lotCode()),
                holdings(view, orgs),
                steps(actor, key, orgs),
                certificates(actor, key, orgs),
                ownHolds(lot.holds(), orgs),
                files);
    }

    /** The holds the lot carries itself, each released on its own (reason, id, time, by whom). */
    private List<LotDetail.Line> ownHolds(List<LotView.StatusChange> holds, List<Choice> orgs) {
        List<LotDetail.Line> lines = new ArrayList<>();
        for (LotView.StatusChange hold : holds) {
            lines.add(new LotDetail.Line(
                    orEmpty(hold.reason()),
                    orEmpty(hold.id()),
                    words.time(orEmpty(hold.at())),
                    Directory.nameOf(orgs, orEmpty(hold.byMsp()))));
        }
        return lines;
    }

    /** Every lot made from this one (the lot first) with who holds how much of it: a recall's reach. */
    List<LotDetail.Line> affected(Enrollment actor, LotKey key) {
        List<Choice> orgs = directory.organisations(actor);
        List<ProductChoice> products = directory.products(actor);
        List<LotDetail.Line> lines = new ArrayList<>();
        // Every page: a recall reaching more lots than one page holds must list them all.
        for (LineageGraph.Node node : lineages.lineage(actor, key.gtin(), key.lotCode(), "forward", null)
                .nodes()) {
            String lot = productName(products, node.gtin()) + " · " + node.lotCode();
            List<String> holders = new ArrayList<>();
            for (LotView.Holding holding : node.holdings()) {
                holders.add(Directory.nameOf(orgs, holding.mspId()) + " " + words.quantity(holding.quantity()));
            }
            for (LotView.Transit transit : node.inTransit()) {
                holders.add(words.text(
                        "recall.inTransit",
                        Directory.nameOf(orgs, transit.toMsp()),
                        words.quantity(transit.quantity())));
            }
            String held = holders.isEmpty() ? words.text("recall.noneHeld") : String.join("; ", holders);
            lines.add(new LotDetail.Line(
                    lot,
                    held,
                    words.word(
                            "app.state",
                            node.status() == null ? "" : node.status().word()),
                    node.lotCode()));
        }
        return lines;
    }

    private List<CertificateLine> certificates(Enrollment actor, LotKey key, List<Choice> orgs) {
        var subject = json.createObjectNode().put("gtin", key.gtin()).put("lotCode", key.lotCode());
        List<CertificateLine> lines = new ArrayList<>();
        for (CertificateView certificate : ledger.certificates(actor, subject)) {
            String issuer = orEmpty(certificate.issuerMsp());
            lines.add(new CertificateLine(
                    issuer,
                    Directory.nameOf(orgs, issuer),
                    orEmpty(certificate.number()),
                    words.word("certificate.type", orEmpty(certificate.type())),
                    orEmpty(certificate.status()),
                    orEmpty(certificate.validUntil())));
        }
        return lines;
    }

    private List<LotDetail.Line> holdings(LotView view, List<Choice> orgs) {
        List<LotDetail.Line> lines = new ArrayList<>();
        for (LotView.Holding holding : view.holdings()) {
            lines.add(new LotDetail.Line(
                    Directory.nameOf(orgs, holding.mspId()), words.quantity(holding.quantity()), "", holding.mspId()));
        }
        return lines;
    }

    /** Every step of the lot, every page of its events. */
    private List<LotDetail.Line> steps(Enrollment actor, LotKey key, List<Choice> orgs) {
        List<LotDetail.Line> steps = new ArrayList<>();
        for (StoredEvent item : Page.all(MyLots.PAGE, bookmark -> ledger.lotEvents(actor, events(key, bookmark)))) {
            steps.add(new LotDetail.Line(
                    words.step(item.event()),
                    "",
                    words.time(orEmpty(item.event().eventTime())),
                    Directory.nameOf(orgs, orEmpty(item.recordedBy()))));
        }
        return steps;
    }

    private ObjectNode events(LotKey key, String bookmark) {
        ObjectNode query = json.createObjectNode()
                .put("gtin", key.gtin())
                .put("lotCode", key.lotCode())
                .put("pageSize", MyLots.PAGE);
        return bookmark.isEmpty() ? query : query.put("bookmark", bookmark);
    }

    private static String productName(List<ProductChoice> products, String gtin) {
        return products.stream()
                .filter(product -> product.gtin().equals(gtin))
                .map(ProductChoice::name)
                .findFirst()
                .orElse(gtin);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
