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
        Container container =
                tx.read(key, Container.class).orElse(new Container(request.sscc(), holder, List.of(), null));
        if (!container.holderMsp().equals(holder)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "SSCC " + request.sscc() + " belongs to " + container.holderMsp());
        }
        Instant time = Times.eventTime("eventTime", request.eventTime(), tx.time());
        EventBuilder event = EventBuilder.aggregationEvent(request.action(), time, Times.offsetOf(request.eventTime()))
                .bizStep(request.bizStep())
                .parentId(EpcisIds.sscc(request.sscc()));
        Movements.atLocation(tx, event, request.locationId());
        Map<LotRef, Quantity> contents = new LinkedHashMap<>();
        container.contents().forEach(line -> contents.put(line.ref(), line.quantity()));
        for (LotQuantity child : request.children()) {
            Lot lot = Lots.get(tx, child.ref());
            Lots.requireUsable(lot, add ? Use.MOVE : Use.OBSERVE);
            Lots.inLotUnit(lot, child.quantity());
            requireHeld(
                    tx,
                    lot,
                    holder,
                    add
                            ? child.quantity()
                                    .plus(contents.getOrDefault(
                                            child.ref(),
                                            Quantity.zero(child.quantity().uom())))
                            : null);
            if (!add && !contents.containsKey(child.ref())) {
                throw new TraceException(
                        ErrorCode.INVALID_ARGUMENT, "lot " + child.ref() + " is not on SSCC " + request.sscc());
            }
            event.quantity("childQuantityList", child.ref().epcClass(), child.quantity());
        }
        List<LotRef> lots = request.children().stream().map(LotQuantity::ref).toList();
        return Events.record(tx, event.build(), lots, eventId -> {
            for (LotQuantity child : request.children()) {
                String index = tx.key(BY_LOT, child.gtin(), child.lotCode(), request.sscc());
                if (add) {
                    contents.merge(child.ref(), child.quantity(), Quantity::plus);
                    tx.put(index, new byte[] {'1'});
                } else {
                    contents.remove(child.ref());
                    tx.delete(index);
                }
            }
            List<LotQuantity> lines = new ArrayList<>();
            contents.forEach((ref, quantity) -> lines.add(new LotQuantity(ref.gtin(), ref.lotCode(), quantity)));
            tx.put(key, new Container(request.sscc(), holder, lines, Times.format(time)));
        });
    }

    private static void requireHeld(Tx tx, Lot lot, String holder, Quantity needed) {
        Quantity held = Lots.holding(tx, lot.ref(), holder);
        if (held == null) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER, "organisation " + holder + " holds none of lot " + lot.ref());
        }
        if (needed != null && held.isLessThan(needed)) {
            throw new TraceException(
                    ErrorCode.INSUFFICIENT_QUANTITY, "more of lot " + lot.ref() + " than held would be on the pallet");
        }
    }
}
