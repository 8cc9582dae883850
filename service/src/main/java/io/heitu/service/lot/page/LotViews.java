package io.heitu.service.lot.page;

import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.Location;
import io.heitu.service.ledger.wire.LotView;
import java.util.ArrayList;
import java.util.List;

/** The lot, its origin and grade as the page shows them, from the chaincode's records. */
final class LotViews {

    private LotViews() {}

    /**
     * From {@code lot:Get}: state, quantities, dates and the hold or recall that applies, its own
     * or one placed on a lot it was made from (the first of several holds).
     */
    static LotPage.Lot lot(LotView view, Names names) {
        LotView.Lot lot = view.lot();
        LotView.Provenance provenance = lot.provenance();
        return new LotPage.Lot(
                lot.gtin(),
                lot.lotCode(),
                view.state() == null ? null : view.state().word(),
                provenance == null ? null : Quantities.of(provenance.quantity()),
                Quantities.of(view.remaining()),
                provenance == null ? null : Quantities.date(provenance.ilmdText("jl:productionDate")),
                provenance == null ? null : Quantities.date(provenance.ilmdText("jl:bestBefore")),
                change(view.hold(), names),
                change(view.recall(), names),
                names.org(provenance == null ? null : provenance.producerMsp()));
    }

    /**
     * Where it grew: the deepest lot in the backward lineage that was harvested or slaughtered,
     * its plot or pasture, and who farmed it. Null for a lot with no recorded harvest.
     */
    static LotPage.Origin origin(LineageGraph lineage, Names names) {
        LineageGraph.Node harvest = null;
        for (LineageGraph.Node node : lineage.nodes()) {
            if (node.grown() && (harvest == null || node.depth() > harvest.depth())) {
                harvest = node;
            }
        }
        if (harvest == null) {
            return null;
        }
        LotPage.Place plot =
                names.place(harvest.locationId()).map(LotViews::place).orElse(null);
        var at = Quantities.time(harvest.eventTime());
        return new LotPage.Origin(
                names.org(harvest.producerMsp()),
                plot == null ? null : plot.county(),
                plot,
                at == null ? null : at.toLocalDate(),
                harvest.lotCode());
    }

    static LotPage.Grade grade(LotView.Grade grade) {
        if (grade == null) {
            return null;
        }
        return new LotPage.Grade(grade.label(), grade.level(), grade.standard(), Quantities.time(grade.at()));
    }

    private static LotPage.Place place(Location location) {
        Location.Address address = location.address();
        Location.Soil soil = location.soil();
        return new LotPage.Place(
                location.id(),
                location.nameZh(),
                location.nameEn(),
                address == null ? null : address.county(),
                address == null ? null : address.township(),
                address == null ? null : address.village(),
                Quantities.decimal(location.areaMu()),
                soil != null
                        ? new LotPage.Soil(
                                soil.practice(),
                                soil.tillage(),
                                Quantities.decimal(soil.blackSoilDepthCm()),
                                Quantities.decimal(soil.organicMatterPct()),
                                Quantities.decimal(soil.ph()))
                        : null,
                geo(location.geo()));
    }

    /** A point as it is; a polygon by its outer ring and the mean of that ring's corners. */
    private static LotPage.Geo geo(Location.Geo geo) {
        if (geo == null || geo.coordinates() == null) {
            return null;
        }
        try {
            if ("Point".equals(geo.type())) {
                return new LotPage.Geo(
                        geo.coordinates().get(0).asDouble(),
                        geo.coordinates().get(1).asDouble(),
                        List.of());
            }
            if ("Polygon".equals(geo.type())) {
                List<double[]> ring = new ArrayList<>();
                for (var position : geo.coordinates().get(0)) {
                    ring.add(new double[] {
                        position.get(0).asDouble(), position.get(1).asDouble()
                    });
                }
                // The ring ends where it starts: count that corner once.
                int corners = Math.max(1, ring.size() - 1);
                double lon = 0;
                double lat = 0;
                for (int i = 0; i < corners; i++) {
                    lon += ring.get(i)[0];
                    lat += ring.get(i)[1];
                }
                return new LotPage.Geo(lon / corners, lat / corners, List.copyOf(ring));
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        return null;
    }

    private static LotPage.StatusChange change(LotView.StatusChange change, Names names) {
        if (change == null) {
            return null;
        }
        return new LotPage.StatusChange(
                change.reason(), Quantities.time(change.at()), names.org(change.byMsp()), change.originLot());
    }
}
