package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.Disposition;
import io.heitu.chaincode.epcis.EventBuilder;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Recorded;
import java.util.ArrayList;
import java.util.List;

/**
 * Hold, release and recall. Each reaches every lot made from the target, however many
 * transformations away, within the same transaction: a recall of a paddy lot reaches every bag.
 */
public final class Recalls {

    private Recalls() {}

    static Recorded hold(Tx tx, StatusRequest request) {
        Lot root = Lots.get(tx, request.ref());
        if (root.status() == LotStatus.RECALLED) {
            throw new TraceException(ErrorCode.LOT_RECALLED, "lot " + root.ref() + " is already recalled");
        }
        if (root.status() == LotStatus.ON_HOLD) {
            throw new TraceException(ErrorCode.LOT_ON_HOLD, "lot " + root.ref() + " is already on hold");
        }
        StatusChange change = change(tx, request, root.ref());
        List<Lot> updated = spread(tx, root, lot -> lot.status() == LotStatus.ACTIVE, lot -> lot.held(change));
        return record(tx, request, root, updated, Disposition.NON_SELLABLE_OTHER, "hold");
    }

    /**
     * Puts a lot and its active descendants on hold after a failed inspection, within the
     * inspection's own transaction; returns every lot the hold reached.
     */
    public static List<LotRef> holdAfterFailedInspection(Tx tx, Lot lot, String reason) {
        if (lot.status() != LotStatus.ACTIVE) {
            return List.of(lot.ref());
        }
        StatusChange change = new StatusChange(
                tx.caller().mspId(),
                tx.caller().role().word(),
                reason,
                Times.format(tx.time()),
                lot.ref().epcClass());
        List<Lot> updated = spread(
                tx, lot, candidate -> candidate.status() == LotStatus.ACTIVE, candidate -> candidate.held(change));
        updated.forEach(held -> Lots.save(tx, held));
        return updated.stream().map(Lot::ref).toList();
    }

    /** Releases the lot and the descendants its hold reached (not those held for other reasons). */
    static Recorded release(Tx tx, StatusRequest request) {
        Lot root = Lots.get(tx, request.ref());
        if (root.status() != LotStatus.ON_HOLD) {
            throw new TraceException(ErrorCode.LOT_NOT_ON_HOLD, "lot " + root.ref() + " is not on hold");
        }
        String origin = root.hold().originLot();
        List<Lot> updated = spread(
                tx,
                root,
                lot -> lot.status() == LotStatus.ON_HOLD
                        && origin.equals(lot.hold().originLot()),
                Lot::released);
        return record(tx, request, root, updated, Disposition.SELLABLE_ACCESSIBLE, "release");
    }

    static Recorded recall(Tx tx, StatusRequest request) {
        Lot root = Lots.get(tx, request.ref());
        if (root.status() == LotStatus.RECALLED) {
            throw new TraceException(ErrorCode.LOT_RECALLED, "lot " + root.ref() + " is already recalled");
        }
        StatusChange change = change(tx, request, root.ref());
        List<Lot> updated = spread(tx, root, lot -> lot.status() != LotStatus.RECALLED, lot -> lot.recalled(change));
        return record(tx, request, root, updated, Disposition.RECALLED, "recall");
    }

    /** The root and every descendant the change applies to, changed but not yet saved. */
    private static List<Lot> spread(
            Tx tx, Lot root, java.util.function.Predicate<Lot> applies, java.util.function.UnaryOperator<Lot> update) {
        List<Lot> updated = new ArrayList<>();
        updated.add(update.apply(root));
        for (LotRef ref : Lineage.descendants(tx, root.ref())) {
            // Lots known only from captured events of other systems have no status to change.
            Lots.find(tx, ref).filter(applies).ifPresent(lot -> updated.add(update.apply(lot)));
        }
        return updated;
    }

    private static StatusChange change(Tx tx, StatusRequest request, LotRef origin) {
        return new StatusChange(
                tx.caller().mspId(),
                tx.caller().role().word(),
                request.reason(),
                Times.format(tx.time()),
                origin.epcClass());
    }

    /**
     * The hold, release or recall as an EPCIS {@code holding} event on the lot, indexed on every
     * affected lot. The lots are saved only as the event's effects, so that a duplicate of an event
     * already recorded changes nothing, as for every other event.
     */
    private static Recorded record(
            Tx tx, StatusRequest request, Lot root, List<Lot> updated, Disposition disposition, String action) {
        List<LotRef> affected = updated.stream().map(Lot::ref).toList();
        var event = EventBuilder.objectEvent("OBSERVE", tx.time(), Times.CHINA_OFFSET)
                .bizStep(BizStep.HOLDING)
                .disposition(disposition)
                .quantity(
                        "quantityList", root.ref().epcClass(), root.provenance().quantity())
                .extension("statusAction", action)
                .extension("reason", request.reason())
                .extension("affectedLots", com.fasterxml.jackson.databind.node.IntNode.valueOf(affected.size()))
                .build();
        return Events.record(tx, event, affected, eventId -> updated.forEach(lot -> Lots.save(tx, lot)));
    }
}
