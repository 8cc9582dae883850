package io.heitu.service.qr;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.TraceLedger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
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
        JsonNode product = json.readTree(ledger.product(reader, gtin));
        JsonNode ilmd = json.readTree(ledger.lot(reader, gtin, lotCode))
                .path("lot")
                .path("provenance")
                .path("ilmd");
        JsonNode lineage = json.readTree(ledger.lineage(
                reader,
                json.createObjectNode()
                        .put("gtin", gtin)
                        .put("lotCode", lotCode)
                        .put("direction", "backward")));
        LocalDate harvested = date(ilmd.path("jl:harvestDate"));
        if (harvested == null) {
            harvested = harvestOf(lineage);
        }
        LocalDate produced = date(ilmd.path("jl:productionDate"));
        return new LabelText(
                product.path("nameZh").asString(),
                product.path("nameEn").isMissingNode()
                        ? null
                        : product.path("nameEn").asString(),
                harvested != null ? LabelText.DateKind.HARVEST : LabelText.DateKind.PRODUCTION,
                harvested != null ? harvested : produced,
                committed(lineage));
    }

    /** The harvest (or slaughter) the lot was made from: the deepest such lot, in China's time zone. */
    private static LocalDate harvestOf(JsonNode lineage) {
        LocalDate harvested = null;
        int depth = -1;
        for (JsonNode node : lineage.path("nodes")) {
            String origin = node.path("origin").asString();
            if (("harvest".equals(origin) || "slaughter".equals(origin))
                    && node.path("depth").asInt() > depth) {
                depth = node.path("depth").asInt();
                harvested = OffsetDateTime.parse(node.path("eventTime").asString())
                        .atZoneSameInstant(CHINA)
                        .toLocalDate();
            }
        }
        return harvested;
    }

    private boolean committed(JsonNode lineage) {
        var reader = user.reader();
        for (JsonNode node : lineage.path("nodes")) {
            JsonNode certificates = json.readTree(ledger.certificates(
                    reader,
                    json.createObjectNode()
                            .put("gtin", node.path("gtin").asString())
                            .put("lotCode", node.path("lotCode").asString())));
            for (JsonNode certificate : certificates) {
                if ("commitment".equals(certificate.path("type").asString())
                        && "active".equals(certificate.path("status").asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static LocalDate date(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
