package io.heitu.chaincode.event;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.EpcisIds;
import io.heitu.chaincode.epcis.EventBuilder;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.epcis.Recorded;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.org.Organisations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AggregationEvents: lots packed onto a pallet or shipment unit identified by an SSCC, or taken off it. */
final class Aggregations {

    static final String TYPE = "container";
    static final String BY_LOT = "container~lot";

    private Aggregations() {}

    static Recorded aggregate(Tx tx, Aggregate request) {
        String holder = tx.caller().mspId();
        boolean add = "ADD".equals(request.action());
        String key = tx.key(TYPE, request.sscc());
        Container container = tx.read(key, Container.class).orElseGet(() -> {
            // An SSCC is the packer's, from its own GS1 company prefix: never whoever uses it first.
            Organisations.requireOwned(
                    Organisations.get(tx, holder), request.sscc().substring(1), "SSCC");
            return new Container(request.sscc(), holder, List.of(), null);
        });
        if (!container.holderMsp().equals(holder)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "SSCC " + request.sscc() + " belongs to " + container.holderMsp());
        }
        Instant time = tx.eventTime("eventTime", request.eventTime());
        EventBuilder event = EventBuilder.aggregationEvent(request.action(), time, Times.offsetOf(request.eventTime()))
                .bizStep(request.bizStep())
                .line(request.line())
                .parentId(EpcisIds.sscc(request.sscc()));
        Movements.atLocation(tx, event, request.locationId());
        List<Lot> lots = new ArrayList<>();
        for (LotQuantity child : request.children()) {
            Lot lot = Lots.get(tx, child.ref());
            // Taking lots off a pallet is how recalled goods get back out to be returned or destroyed.
            Lots.requireUsable(tx, lot, add ? Use.MOVE : Use.RECALL_HANDLING);
            Lots.inLotUnit(lot, child.quantity());
            lots.add(lot);
            event.quantity("childQuantityList", child.ref().epcClass(), child.quantity());
        }
        List<LotRef> refs = request.children().stream().map(LotQuantity::ref).toList();
        return Events.record(tx, event.build(), refs, eventId -> repack(tx, request, container, lots, time));
    }

    /**
     * Puts the children on the pallet or takes them off. Checked here, as the event's effects after
     * the duplicate check: the same packing recorded again would otherwise count its own lots twice.
     */
    private static void repack(Tx tx, Aggregate request, Container container, List<Lot> lots, Instant time) {
        boolean add = "ADD".equals(request.action());
        Map<LotRef, Quantity> contents = new LinkedHashMap<>();
        container.contents().forEach(line -> contents.put(line.ref(), line.quantity()));
        for (int i = 0; i < lots.size(); i++) {
            LotQuantity child = request.children().get(i);
            Quantity onPallet = contents.get(child.ref());
            if (add) {
                requireHeld(
                        tx,
                        lots.get(i),
                        container.holderMsp(),
                        onPallet == null ? child.quantity() : onPallet.plus(child.quantity()));
                contents.merge(child.ref(), child.quantity(), Quantity::plus);
                tx.put(tx.key(BY_LOT, child.gtin(), child.lotCode(), request.sscc()), new byte[] {'1'});
            } else {
                if (onPallet == null) {
                    throw new TraceException(
                            ErrorCode.INVALID_ARGUMENT, "lot " + child.ref() + " is not on SSCC " + request.sscc());
                }
                contents.remove(child.ref());
                tx.delete(tx.key(BY_LOT, child.gtin(), child.lotCode(), request.sscc()));
            }
        }
        List<LotQuantity> lines = new ArrayList<>();
        contents.forEach((ref, quantity) -> lines.add(new LotQuantity(ref.gtin(), ref.lotCode(), quantity)));
        tx.put(
                tx.key(TYPE, request.sscc()),
                new Container(request.sscc(), container.holderMsp(), lines, Times.format(time)));
    }

    private static void requireHeld(Tx tx, Lot lot, String holder, Quantity needed) {
        Quantity held = Lots.holding(tx, lot.ref(), holder);
        if (held == null) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "organisation " + holder + " holds none of lot " + lot.ref());
        }
        if (held.isLessThan(needed)) {
            throw new TraceException(
                    ErrorCode.INSUFFICIENT_QUANTITY, "more of lot " + lot.ref() + " than held would be on the pallet");
        }
    }
}
