package io.heitu.chaincode.inspection;

import com.fasterxml.jackson.databind.node.IntNode;
import io.heitu.chaincode.core.Json;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.Disposition;
import io.heitu.chaincode.epcis.EventBuilder;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.Recorded;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.LotGrade;
import io.heitu.chaincode.lot.LotInspection;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Recalls;
import io.heitu.chaincode.lot.Use;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lab results and grades. Results are recorded as {@code sampling} (destructive) or
 * {@code inspecting} (non-destructive) ObjectEvents, disposition {@code conformant} or
 * {@code non_conformant}; a non-conformant result puts the lot and its descendants on hold.
 */
final class Inspections {

    private Inspections() {}

    static Recorded labResult(Tx tx, LabResult request) {
        Lot lot = Lots.get(tx, request.ref());
        Lots.requireUsable(tx, lot, Use.OBSERVE);
        Instant time = tx.eventTime("eventTime", request.eventTime());
        boolean conformant = request.conformant();
        var event = EventBuilder.objectEvent("OBSERVE", time, Times.offsetOf(request.eventTime()))
                .bizStep(request.kind().equals("sampling") ? BizStep.SAMPLING : BizStep.INSPECTING)
                .disposition(conformant ? Disposition.CONFORMANT : Disposition.NON_CONFORMANT)
                .lotClass("quantityList", lot.ref().epcClass())
                .extension("labResults", Json.tree(request.results()))
                .extension("reportNo", request.reportNo())
                .extension("lab", request.lab())
                .build();
        List<io.heitu.chaincode.epcis.LotRef> touched = new ArrayList<>(List.of(lot.ref()));
        return Events.record(tx, event, touched, eventId -> {
            LotInspection before = lot.inspection();
            int passed = (before == null ? 0 : before.passed()) + (conformant ? 1 : 0);
            int total = (before == null ? 0 : before.total()) + 1;
            Lot inspected = lot.inspected(new LotInspection(
                    conformant ? LotInspection.CONFORMANT : "non_conformant",
                    eventId,
                    Times.format(time),
                    tx.caller().mspId(),
                    passed,
                    total));
            Lots.save(tx, inspected);
            Ranking.update(tx, lot, inspected);
            if (!conformant) {
                Recalls.holdAfterFailedInspection(tx, inspected, eventId);
            }
        });
    }

    static Recorded grade(Tx tx, GradeRequest request) {
        Lot lot = Lots.get(tx, request.ref());
        Lots.requireUsable(tx, lot, Use.OBSERVE);
        Instant time = tx.eventTime("eventTime", request.eventTime());
        var grade = Json.object();
        grade.put("standard", request.standard());
        grade.set("level", IntNode.valueOf(request.level()));
        if (request.label() != null) {
            grade.put("label", request.label());
        }
        var event = EventBuilder.objectEvent("OBSERVE", time, Times.offsetOf(request.eventTime()))
                .bizStep(BizStep.INSPECTING)
                .lotClass("quantityList", lot.ref().epcClass())
                .extension("grade", grade)
                .build();
        return Events.record(tx, event, List.of(lot.ref()), eventId -> {
            Lot graded = lot.graded(new LotGrade(
                    request.standard(),
                    request.level(),
                    request.label(),
                    tx.caller().mspId(),
                    Times.format(time),
                    eventId));
            Lots.save(tx, graded);
            Ranking.update(tx, lot, graded);
        });
    }
}
