package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Role;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.Disposition;
import io.heitu.chaincode.epcis.EpcisIds;
import io.heitu.chaincode.epcis.EventBuilder;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Recorded;
import io.heitu.chaincode.location.Location;
import io.heitu.chaincode.location.Locations;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Transit;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.org.Organisation;
import io.heitu.chaincode.org.Organisations;
import java.time.Instant;
import java.util.List;

/**
 * ObjectEvents that move goods: shipping and receiving between organisations, retail sale and
 * destruction, each checked against what the caller holds.
 */
final class Movements {

    private static final String OWNING_PARTY = "owning_party";
    private static final String LOCATION = "location";

    private Movements() {}

    static Recorded ship(Tx tx, Ship request) {
        String from = tx.caller().mspId();
        if (request.toMsp().equals(from)) {
            throw new TraceException(ErrorCode.INVALID_ARGUMENT, "a shipment goes to another organisation");
        }
        Organisation receiver = Organisations.get(tx, request.toMsp());
        if (request.carrierMsp() != null
                && !Organisations.get(tx, request.carrierMsp()).allows(Role.LOGISTICS)) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "carrier " + request.carrierMsp() + " is not registered as a logistics organisation");
        }
        Instant time = tx.eventTime("eventTime", request.eventTime());
        EventBuilder event = EventBuilder.objectEvent("OBSERVE", time, Times.offsetOf(request.eventTime()))
                .bizStep(BizStep.SHIPPING)
                .disposition(request.returnShipment() ? Disposition.RETURNED : Disposition.IN_TRANSIT)
                .line(request.line())
                .source(OWNING_PARTY, party(tx, from))
                .destination(OWNING_PARTY, EpcisIds.party(receiver.mspId(), receiver.gln()));
        if (request.fromLocationId() != null) {
            Location origin = Locations.own(tx, request.fromLocationId());
            event.readPoint(Locations.uri(origin)).source(LOCATION, Locations.uri(origin));
        }
        if (request.toLocationId() != null) {
            Location destination = Locations.get(tx, request.toLocationId());
            if (!destination.ownerMsp().equals(receiver.mspId())) {
                throw new TraceException(
                        ErrorCode.INVALID_ARGUMENT, "location " + destination.id() + " is not the receiver's");
            }
            event.destination(LOCATION, Locations.uri(destination));
        }
        if (request.despatchAdvice() != null) {
            event.bizTransaction(
                    "desadv", "urn:heitu:desadv:" + from + ":" + EpcisIds.percentEncode(request.despatchAdvice()));
        }
        if (request.carrierMsp() != null) {
            event.extension("carrier", request.carrierMsp());
        }
        List<Lot> lots =
                request.lots().stream().map(line -> Lots.get(tx, line.ref())).toList();
        Use use = request.returnShipment() ? Use.RECALL_HANDLING : Use.MOVE;
        lots.forEach(lot -> Lots.requireUsable(tx, lot, use));
        if (request.returnShipment()) {
            lots.forEach(lot -> Lots.requireSupplier(tx, lot, from, receiver.mspId()));
        }
        request.lots().forEach(line -> event.quantity("quantityList", line.ref().epcClass(), line.quantity()));
        return Events.record(
                tx,
                event.build(),
                refs(request.lots()),
                eventId -> shipped(
                        tx,
                        lots,
                        request.lots(),
                        from,
                        receiver.mspId(),
                        request.carrierMsp(),
                        eventId,
                        time,
                        request.returnShipment()));
    }

    /** A shipment's effect: each quantity leaves the sender's holding and is in transit to the receiver. */
    static void shipped(
            Tx tx,
            List<Lot> lots,
            List<LotQuantity> lines,
            String from,
            String to,
            String carrier,
            String eventId,
            Instant shippedAt,
            boolean returned) {
        for (int i = 0; i < lots.size(); i++) {
            Transit transit = new Transit(
                    from,
                    to,
                    carrier,
                    lines.get(i).quantity(),
                    eventId,
                    Times.format(shippedAt),
                    returned ? Boolean.TRUE : null);
            Lots.ship(tx, lots.get(i), transit, Events.digest(eventId));
        }
    }

    static Recorded receive(Tx tx, Receive request) {
        String to = tx.caller().mspId();
        Instant time = tx.eventTime("eventTime", request.eventTime());
        EventBuilder event = EventBuilder.objectEvent("OBSERVE", time, Times.offsetOf(request.eventTime()))
                .bizStep(BizStep.RECEIVING)
                .disposition(Disposition.IN_PROGRESS)
                .line(request.line())
                .destination(OWNING_PARTY, party(tx, to));
        if (request.fromMsp() != null) {
            event.source(OWNING_PARTY, party(tx, request.fromMsp()));
        }
        atLocation(tx, event, request.locationId());
        List<Lot> lots =
                request.lots().stream().map(line -> Lots.get(tx, line.ref())).toList();
        lots.forEach(lot -> Lots.requireUsable(tx, lot, Use.RECALL_HANDLING));
        request.lots().forEach(line -> event.quantity("quantityList", line.ref().epcClass(), line.quantity()));
        return Events.record(
                tx,
                event.build(),
                refs(request.lots()),
                eventId -> received(tx, lots, request.lots(), to, request.fromMsp()));
    }

    /** A receipt's effect: quantities in transit to the receiver (from the sender, if named) become its holding. */
    static void received(Tx tx, List<Lot> lots, List<LotQuantity> lines, String to, String from) {
        for (int i = 0; i < lots.size(); i++) {
            Lots.receive(tx, lots.get(i), to, from, lines.get(i).quantity());
        }
    }

    /** Retail sale ({@code retail_selling}) or destruction ({@code destroying}): quantity leaves the chain. */
    static Recorded consume(Tx tx, Consume request, BizStep step) {
        String holder = tx.caller().mspId();
        Instant time = tx.eventTime("eventTime", request.eventTime());
        boolean sale = step == BizStep.RETAIL_SELLING;
        EventBuilder event = EventBuilder.objectEvent(
                        sale ? "OBSERVE" : "DELETE", time, Times.offsetOf(request.eventTime()))
                .bizStep(step)
                .disposition(sale ? Disposition.RETAIL_SOLD : Disposition.DESTROYED)
                .line(request.line())
                .extension("reason", request.reason());
        atLocation(tx, event, request.locationId());
        if (request.reference() != null) {
            event.bizTransaction(
                    sale ? "inv" : "rma",
                    "urn:heitu:" + (sale ? "receipt:" : "disposal:") + holder + ":"
                            + EpcisIds.percentEncode(request.reference()));
        }
        List<Lot> lots =
                request.lots().stream().map(line -> Lots.get(tx, line.ref())).toList();
        lots.forEach(lot -> Lots.requireUsable(tx, lot, sale ? Use.MOVE : Use.RECALL_HANDLING));
        request.lots().forEach(line -> event.quantity("quantityList", line.ref().epcClass(), line.quantity()));
        return Events.record(
                tx, event.build(), refs(request.lots()), eventId -> taken(tx, lots, request.lots(), holder));
    }

    /** A sale's, disposal's or transformation's effect: quantities leave what the holder holds. */
    static void taken(Tx tx, List<Lot> lots, List<LotQuantity> lines, String holder) {
        for (int i = 0; i < lots.size(); i++) {
            Lots.take(tx, lots.get(i), holder, lines.get(i).quantity());
        }
    }

    /** Storing, packing, loading, sensor readings … on lots the caller holds or carries. */
    static Recorded observe(Tx tx, Observe request) {
        Instant time = tx.eventTime("eventTime", request.eventTime());
        EventBuilder event = EventBuilder.objectEvent("OBSERVE", time, Times.offsetOf(request.eventTime()))
                .bizStep(request.bizStep())
                .disposition(request.disposition())
                .line(request.line())
                .extension("note", request.note());
        atLocation(tx, event, request.locationId());
        for (LotRef ref : request.lots()) {
            Lot lot = Lots.get(tx, ref);
            Lots.requireUsable(tx, lot, Use.OBSERVE);
            Lots.requireInvolved(tx, lot, tx.caller().mspId());
            event.lotClass("quantityList", ref.epcClass());
        }
        for (SensorReading reading : request.sensorReadings()) {
            event.sensorElement(sensorElement(reading, time, tx.time()));
        }
        return Events.record(tx, event.build(), request.lots(), eventId -> {});
    }

    /**
     * A reading is dated like an event (not in the future beyond the tolerance) and belongs to the
     * event that reports it: it is not later than that event plus the tolerance either.
     */
    static ObjectNode sensorElement(SensorReading reading, Instant eventTime, Instant txTime) {
        Instant readAt = Times.eventTime("sensor time", reading.time(), txTime);
        if (readAt.isAfter(eventTime.plus(Times.FUTURE_TOLERANCE))) {
            throw new TraceException(ErrorCode.INVALID_TIME, "sensor time is after the event that reports it");
        }
        ObjectNode element = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = element.putObject("sensorMetadata");
        if (reading.deviceId() != null) {
            metadata.put("deviceID", "urn:heitu:device:" + EpcisIds.percentEncode(reading.deviceId()));
        }
        ObjectNode report = element.putArray("sensorReport").addObject();
        report.put("type", "gs1:" + reading.type());
        report.put("value", reading.value());
        report.put("uom", reading.uom());
        report.put("time", Times.format(readAt));
        return element;
    }

    static void atLocation(Tx tx, EventBuilder event, String locationId) {
        if (locationId != null) {
            String uri = Locations.uri(Locations.own(tx, locationId));
            event.readPoint(uri).bizLocation(uri);
        }
    }

    static String party(Tx tx, String mspId) {
        Organisation organisation = Organisations.get(tx, mspId);
        return EpcisIds.party(organisation.mspId(), organisation.gln());
    }

    static List<LotRef> refs(List<LotQuantity> lines) {
        return lines.stream().map(LotQuantity::ref).toList();
    }
}
