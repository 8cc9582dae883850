package io.heitu.chaincode.lot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.Disposition;
import io.heitu.chaincode.epcis.EventBuilder;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.Jilin;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Recorded;
import io.heitu.chaincode.location.InputApplication;
import io.heitu.chaincode.location.InputApplications;
import io.heitu.chaincode.location.Location;
import io.heitu.chaincode.location.Locations;
import io.heitu.chaincode.product.Norms;
import io.heitu.chaincode.product.Product;
import io.heitu.chaincode.product.Products;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Harvest and slaughter: CBV has no "harvesting", so both are {@code commissioning} ObjectEvents
 * that bring a new lot into being at a plot or pasture of the producer's own.
 */
final class Commissioning {

    private Commissioning() {}

    static Recorded commission(Tx tx, Commission request) {
        LotRef ref = request.ref();
        Product product = Products.get(tx, ref.gtin());
        Norms.requireMaker(tx, product, tx.caller().mspId());
        Location plot = Locations.own(tx, request.plotId());
        if (!plot.kind().isProductionSite()) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "lots are commissioned at a plot, pasture or farmstead, not a "
                            + plot.kind().word());
        }
        Instant time = tx.eventTime("eventTime", request.eventTime());
        InputApplications.blockingHarvest(tx, plot.id(), time).ifPresent(application -> {
            throw preHarvestInterval(application);
        });
        Harvests.requireWithinYield(tx, product, plot, request.quantity(), time);
        Norms.requireGiOrigin(tx, product, List.of(plot.id()), false);
        String plotUri = Locations.uri(plot);
        EventBuilder builder = EventBuilder.objectEvent("ADD", time, Times.offsetOf(request.eventTime()))
                .bizStep(BizStep.COMMISSIONING)
                .disposition(Disposition.ACTIVE)
                .readPoint(plotUri)
                .bizLocation(plotUri)
                .quantity("quantityList", ref.epcClass(), request.quantity())
                .extension("origin", request.origin().word())
                .ilmd(
                        Jilin.field(Commission.PLOT_FIELD),
                        com.fasterxml.jackson.databind.node.TextNode.valueOf(plot.id()));
        request.ilmd().forEach((name, value) -> builder.ilmd(Jilin.field(name), value));
        ObjectNode event = builder.build();
        return Events.record(tx, event, List.of(ref), eventId -> {
            Harvests.record(tx, plot, ref, request.quantity(), time);
            Lots.create(
                    tx,
                    Lot.created(
                            ref.gtin(),
                            ref.lotCode(),
                            new Provenance(
                                    tx.caller().mspId(),
                                    plot.id(),
                                    request.origin(),
                                    request.quantity(),
                                    eventId,
                                    Times.format(time),
                                    event.get("ilmd"))),
                    Ancestry.ofHarvest(plot.id()));
        });
    }

    private static TraceException preHarvestInterval(InputApplication application) {
        return new TraceException(
                ErrorCode.PRE_HARVEST_INTERVAL,
                application.productName() + " applied " + application.appliedAt() + " has a pre-harvest interval of "
                        + application.phiDays() + " days: harvest from " + application.safeFrom(),
                Map.of(
                        "productName", application.productName(),
                        "appliedAt", application.appliedAt(),
                        "phiDays", Integer.toString(application.phiDays()),
                        "safeFrom", application.safeFrom()));
    }
}
