package io.heitu.service.label;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.CertificateView;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Product;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a lot's labels say besides the code, read from the ledger: the product's names, the harvest
 * (or else production) date, and 承诺达标合格证 when the lot or a lot it was made from carries an
 * active commitment certificate (the producer's promise travels with the rice milled from its paddy).
 */
@Component
class LabelTexts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final TraceLedger ledger;
    private final CurrentUser user;
    private final JsonMapper json;

    LabelTexts(TraceLedger ledger, CurrentUser user, JsonMapper json) {
        this.ledger = ledger;
        this.user = user;
        this.json = json;
    }

    LabelText of(String gtin, String lotCode) {
        var reader = user.reader();
        Product product = ledger.product(reader, gtin);
        LotView.Provenance provenance = ledger.lot(reader, gtin, lotCode).lot().provenance();
        LineageGraph lineage = ledger.lineage(
                reader,
                json.createObjectNode()
                        .put("gtin", gtin)
                        .put("lotCode", lotCode)
                        .put("direction", "backward"));
        LocalDate harvested = date(provenance == null ? null : provenance.ilmdText("jl:harvestDate"));
        if (harvested == null) {
            harvested = harvestOf(lineage);
        }
        LocalDate produced = date(provenance == null ? null : provenance.ilmdText("jl:productionDate"));
        return new LabelText(
                product.nameZh(),
                product.nameEn(),
                harvested != null ? LabelText.DateKind.HARVEST : LabelText.DateKind.PRODUCTION,
                harvested != null ? harvested : produced,
                committed(lineage));
    }

    /** The harvest (or slaughter) the lot was made from: the deepest such lot, in China's time zone. */
    private static LocalDate harvestOf(LineageGraph lineage) {
        LocalDate harvested = null;
        int depth = -1;
        for (LineageGraph.Node node : lineage.nodes()) {
            if (node.grown() && node.depth() > depth) {
                depth = node.depth();
                harvested = OffsetDateTime.parse(node.eventTime())
                        .atZoneSameInstant(CHINA)
                        .toLocalDate();
            }
        }
        return harvested;
    }

    private boolean committed(LineageGraph lineage) {
        var reader = user.reader();
        for (LineageGraph.Node node : lineage.nodes()) {
            List<CertificateView> certificates = ledger.certificates(
                    reader, json.createObjectNode().put("gtin", node.gtin()).put("lotCode", node.lotCode()));
            for (CertificateView certificate : certificates) {
                if ("commitment".equals(certificate.type()) && certificate.active()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
