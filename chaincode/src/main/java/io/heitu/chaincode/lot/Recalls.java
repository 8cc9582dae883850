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
import io.heitu.chaincode.epcis.Recorded;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hold, release and recall. Each is written on the one lot it names; it reaches every lot made
 * from that lot, however many transformations away, because a lot's standing is resolved through
 * its ancestry whenever the lot is used ({@link Standing}). So a recall is one write whatever the
 * size of the graph below the lot, and nothing a member writes can make a lot unrecallable.
 */
public final class Recalls {

    private Recalls() {}

    static Recorded hold(Tx tx, StatusRequest request) {
        Lot lot = Lots.get(tx, request.ref());
        requireNotRecalled(tx, lot);
        return record(
                tx,
                request,
                lot,
                Disposition.NON_SELLABLE_OTHER,
                "hold",
                null,
                eventId -> lot.held(change(tx, eventId, StatusChange.HOLD, request.reason(), lot)));
    }

    /**
     * Holds a lot after a non-conformant lab result, within the result's own transaction: a hold of
     * its own, released like any other, whatever holds its ancestors carry or lose.
     */
    public static Lot holdAfterFailedInspection(Tx tx, Lot lot, String resultEventId) {
        if (Lots.standing(tx, lot).recalled()) {
            return lot;
        }
        Lot held = lot.held(change(
                tx, resultEventId, StatusChange.FAILED_RESULT, "non-conformant lab result " + resultEventId, lot));
        Lots.save(tx, held);
        return held;
    }

    /**
     * Releases one hold the lot carries itself: the one named, or its only one. Holds of the lots
     * it was made from are released on those lots; a recall is never released.
     */
    static Recorded release(Tx tx, StatusRequest request) {
        Lot lot = Lots.get(tx, request.ref());
        StatusChange hold = holdToRelease(tx, lot, request.holdId());
        return record(
                tx,
                request,
                lot,
                Disposition.SELLABLE_ACCESSIBLE,
                "release",
                hold.id(),
                eventId -> lot.released(hold.id()));
    }

    static Recorded recall(Tx tx, StatusRequest request) {
        Lot lot = Lots.get(tx, request.ref());
        requireNotRecalled(tx, lot);
        return record(
                tx,
                request,
                lot,
                Disposition.RECALLED,
                "recall",
                null,
                eventId -> lot.recalled(change(tx, eventId, StatusChange.RECALL, request.reason(), lot)));
    }

    private static void requireNotRecalled(Tx tx, Lot lot) {
        StatusChange recall = Lots.standing(tx, lot).recall();
        if (recall != null) {
            throw new TraceException(
                    ErrorCode.LOT_RECALLED, "lot " + lot.ref() + " is already recalled (" + recall.originLot() + ")");
        }
    }

    private static StatusChange holdToRelease(Tx tx, Lot lot, String holdId) {
        if (holdId != null) {
            for (StatusChange hold : lot.holds()) {
                if (hold.id().equals(holdId)) {
                    return hold;
                }
            }
        } else if (lot.holds().size() == 1) {
            return lot.holds().get(0);
        } else if (lot.holds().size() > 1) {
            throw new TraceException(
                    ErrorCode.HOLD_AMBIGUOUS,
                    "lot " + lot.ref() + " carries " + lot.holds().size() + " holds: name the one to release",
                    Map.of(
                            "holdIds",
                            String.join(
                                    ",",
                                    lot.holds().stream().map(StatusChange::id).toList())));
        }
        for (StatusChange inherited : Lots.standing(tx, lot).holds()) {
            if (holdId == null || inherited.id().equals(holdId)) {
                throw new TraceException(
                        ErrorCode.HOLD_INHERITED,
                        "lot " + lot.ref() + " is held through " + inherited.originLot() + ": release it there",
                        Map.of("originLot", inherited.originLot(), "holdId", inherited.id()));
            }
        }
        if (holdId != null) {
            throw new TraceException(ErrorCode.HOLD_NOT_FOUND, "lot " + lot.ref() + " carries no hold " + holdId);
        }
        throw new TraceException(ErrorCode.LOT_NOT_ON_HOLD, "lot " + lot.ref() + " is not on hold");
    }

    private static StatusChange change(Tx tx, String eventId, String kind, String reason, Lot lot) {
        return new StatusChange(
                idOf(eventId),
                kind,
                tx.caller().mspId(),
                tx.caller().role().word(),
                reason,
                Times.format(tx.time()),
                lot.ref().epcClass());
    }

    /** A hold's id: the first 16 hex digits of the event that placed it. */
    static String idOf(String eventId) {
        return Events.digest(eventId).substring(0, 16);
    }

    /**
     * The hold, release or recall as an EPCIS {@code holding} event on the lot. The lot is saved only
     * as the event's effect, so that a duplicate of an event already recorded changes nothing.
     */
    private static Recorded record(
            Tx tx,
            StatusRequest request,
            Lot lot,
            Disposition disposition,
            String action,
            String releasedHold,
            Function<String, Lot> changed) {
        EventBuilder builder = EventBuilder.objectEvent("OBSERVE", tx.time(), Times.CHINA_OFFSET)
                .bizStep(BizStep.HOLDING)
                .disposition(disposition)
                .quantity("quantityList", lot.ref().epcClass(), lot.provenance().quantity())
                .extension("statusAction", action)
                .extension("reason", request.reason())
                .extension("holdId", releasedHold);
        ObjectNode event = builder.build();
        return Events.record(tx, event, List.of(lot.ref()), eventId -> Lots.save(tx, changed.apply(eventId)));
    }
}
