package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.EventBuilder;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.Jilin;
import io.heitu.chaincode.epcis.Recorded;
import io.heitu.chaincode.location.InputApplication;
import io.heitu.chaincode.location.InputApplications;
import io.heitu.chaincode.location.Location;
import io.heitu.chaincode.location.Locations;
import io.heitu.chaincode.lot.Harvests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Input applications on a plot, recorded as ObjectEvents with a business step in our namespace
 * (CBV has none for spraying) and kept per plot for the pre-harvest interval check.
 */
final class InputRecording {

    private InputRecording() {}

    static Recorded apply(Tx tx, ApplyInput request) {
        Location plot = Locations.own(tx, request.plotId());
        if (!plot.kind().isProductionSite()) {
            throw new TraceException(ErrorCode.INVALID_ARGUMENT, "inputs are applied on plots, pastures or farmsteads");
        }
        Instant time = tx.eventTime("eventTime", request.eventTime());
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("inputType", request.inputType());
        details.put("productName", request.productName());
        details.put("dose", request.dose());
        details.put("doseUnit", request.doseUnit());
        details.put("phiDays", request.phiDays());
        putIfPresent(details, "activeIngredient", request.activeIngredient());
        putIfPresent(details, "registrationNo", request.registrationNo());
        putIfPresent(details, "operator", request.operator());
        putIfPresent(details, "note", request.note());
        if (request.treatedAreaMu() != null) {
            details.put("treatedAreaMu", request.treatedAreaMu());
        }
        String plotUri = Locations.uri(plot);
        ObjectNode event = EventBuilder.objectEvent("OBSERVE", time, Times.offsetOf(request.eventTime()))
                .bizStep(Jilin.BIZSTEP_INPUT_APPLICATION)
                .readPoint(plotUri)
                .bizLocation(plotUri)
                .line(request.line())
                .extension("inputApplication", details)
                .build();
        InputApplication checked = application(null, plot, request, time);
        for (Harvests.Harvest harvest : Harvests.onPlot(tx, plot.id())) {
            if (InputApplications.conflicts(checked, Instant.parse(harvest.at()), false)) {
                throw new TraceException(
                        ErrorCode.PRE_HARVEST_INTERVAL,
                        request.productName() + " with a pre-harvest interval of " + request.phiDays()
                                + " days, applied " + checked.appliedAt() + ", would put the harvest of lot "
                                + harvest.gtin() + "/" + harvest.lotCode() + " on " + harvest.at()
                                + " inside it",
                        Map.of(
                                "productName", request.productName(),
                                "appliedAt", checked.appliedAt(),
                                "phiDays", Integer.toString(request.phiDays()),
                                "safeFrom", checked.safeFrom(),
                                "harvestedAt", harvest.at()));
            }
        }
        return Events.record(
                tx,
                event,
                List.of(),
                eventId -> InputApplications.record(
                        tx, application(eventId, plot, request, time), Events.digest(eventId)));
    }

    private static InputApplication application(String eventId, Location plot, ApplyInput request, Instant time) {
        return new InputApplication(
                eventId,
                plot.id(),
                request.inputType(),
                request.productName(),
                request.activeIngredient(),
                Times.format(time),
                request.phiDays(),
                Times.format(time.plus(Duration.ofDays(request.phiDays()))));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
