package io.heitu.service.consumer;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The lot, its origin and grade as the page shows them, from the chaincode's JSON. */
final class LotViews {

    private LotViews() {}

    /**
     * From {@code lot:Get}: state, quantities, dates and the hold or recall that applies, its own
     * or one placed on a lot it was made from (the first of several holds).
     */
    static LotPage.Lot lot(JsonNode view, Names names) {
        JsonNode lot = view.path("lot");
        JsonNode provenance = lot.path("provenance");
        JsonNode ilmd = provenance.path("ilmd");
        return new LotPage.Lot(
                lot.path("gtin").asString(),
                lot.path("lotCode").asString(),
                view.path("state").asString(),
                Quantities.of(provenance.path("quantity")),
                Quantities.of(view.path("remaining")),
                Quantities.date(ilmd.path("jl:productionDate")),
                Quantities.date(ilmd.path("jl:bestBefore")),
                change(view.path("holds").path(0), names),
                change(view.path("recall"), names),
                names.org(provenance.path("producerMsp").asString()));
    }

    /**
     * Where it grew: the deepest lot in the backward lineage that was harvested or slaughtered,
     * its plot or pasture, and who farmed it. Null for a lot with no recorded harvest.
     */
    static LotPage.Origin origin(JsonNode lineage, Names names) {
        JsonNode harvest = null;
        for (JsonNode node : lineage.path("nodes")) {
            String origin = node.path("origin").asString();
            if (("harvest".equals(origin) || "slaughter".equals(origin))
                    && (harvest == null
                            || node.path("depth").asInt()
                                    > harvest.path("depth").asInt())) {
                harvest = node;
            }
        }
        if (harvest == null) {
            return null;
        }
        Optional<JsonNode> place = names.place(harvest.path("locationId").asString(null));
        LotPage.Place plot = place.map(LotViews::place).orElse(null);
        var at = Quantities.time(harvest.path("eventTime"));
        return new LotPage.Origin(
                names.org(harvest.path("producerMsp").asString()),
                plot == null ? null : plot.county(),
                plot,
                at == null ? null : at.toLocalDate(),
                harvest.path("lotCode").asString());
    }

    static LotPage.Grade grade(JsonNode grade) {
        if (!grade.isObject()) {
            return null;
        }
        return new LotPage.Grade(
                grade.path("label").asString(),
                grade.path("level").asInt(),
                grade.path("standard").asString(null),
                Quantities.time(grade.path("at")));
    }

    private static LotPage.Place place(JsonNode location) {
        JsonNode address = location.path("address");
        JsonNode soil = location.path("soil");
        return new LotPage.Place(
                location.path("id").asString(),
                location.path("nameZh").asString(null),
                location.path("nameEn").asString(null),
                address.path("county").asString(null),
                address.path("township").asString(null),
                address.path("village").asString(null),
                Quantities.decimal(location.path("areaMu")),
                soil.isObject()
                        ? new LotPage.Soil(
                                soil.path("practice").asString(null),
                                soil.path("tillage").asString(null),
                                Quantities.decimal(soil.path("blackSoilDepthCm")),
                                Quantities.decimal(soil.path("organicMatterPct")),
                                Quantities.decimal(soil.path("ph")))
                        : null);
    }

    private static LotPage.StatusChange change(JsonNode change, Names names) {
        if (!change.isObject()) {
            return null;
        }
        return new LotPage.StatusChange(
                change.path("reason").asString(null),
                Quantities.time(change.path("at")),
                names.org(change.path("byMsp").asString()),
                change.path("originLot").asString(null));
    }
}
