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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        Instant time = Times.eventTime("eventTime", request.eventTime(), tx.time());
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
                .extension("inputApplication", details)
                .build();
        return Events.record(
                tx,
                event,
                List.of(),
                eventId -> InputApplications.record(
                        tx,
                        new InputApplication(
                                eventId,
                                plot.id(),
                                request.inputType(),
                                request.productName(),
                                request.activeIngredient(),
                                Times.format(time),
                                request.phiDays(),
                                Times.format(time.plus(Duration.ofDays(request.phiDays())))),
                        Events.digest(eventId)));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
