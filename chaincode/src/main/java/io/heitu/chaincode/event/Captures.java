package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Captured;
import io.heitu.chaincode.epcis.EventHash;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Recorded;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.product.Products;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * EPCIS 2.0 events captured from other systems' documents, under their CBV 2.0 hash IDs. Events
 * about lots the ledger does not know are kept as "unverified upstream" (their transformations still
 * link lineage, so traces reach the sources). Where an event names a known lot, the rules of the
 * matching transaction apply exactly, through the same code: a shipment comes out of what the
 * capturing organisation holds, a receipt out of what is in transit to it, a transformation takes
 * its inputs and makes its outputs, status forbids what it forbids. Rules run only for new events,
 * so capturing a document again changes nothing.
 */
final class Captures {

    private Captures() {}

    /** One answer per event, in order. */
    record Results(List<Result> results) {}

    record Result(String eventId, boolean duplicate, boolean verified, List<String> lots) {}

    static Results capture(Tx tx, Capture request) {
        Map<String, String> prefixes = EventHash.prefixesOf(request.context());
        List<JsonNode> declarations = new ArrayList<>();
        if (request.context() != null) {
            (request.context().isArray() ? request.context() : List.of(request.context())).forEach(entry -> {
                if (entry.isObject()) {
                    declarations.add(entry);
                }
            });
        }
        List<Result> results = new ArrayList<>();
        tx.beginBatch();
        for (int i = 0; i < request.events().size(); i++) {
            try {
                results.add(one(tx, new CapturedEvent(request.events().get(i)), prefixes, declarations));
            } catch (TraceException refusal) {
                throw new TraceException(
                        refusal.code(),
                        "event " + i + ": "
                                + refusal.getMessage()
                                        .substring(refusal.code().name().length() + 2));
            }
        }
        tx.endBatch("EventsCaptured");
        return new Results(results);
    }

    private static Result one(Tx tx, CapturedEvent event, Map<String, String> prefixes, List<JsonNode> context) {
        Instant time = Times.eventTime("eventTime", event.eventTime(), tx.time());
        Map<LotRef, Lot> known = known(tx, event);
        if (!known.isEmpty() || makesRegisteredLots(tx, event)) {
            // An event about lots the ledger knows is held to every rule of the transaction it stands
            // for: the caller's role may call it, and it is recorded in time.
            Action action = CapturedMovements.actionOf(event);
            if (!action.allows(tx.caller().role())) {
                throw new TraceException(
                        ErrorCode.FORBIDDEN_ROLE,
                        "role " + tx.caller().role().word() + " may not capture what " + action.transaction()
                                + " records");
            }
            tx.requireRecordedInTime("eventTime", time);
            OversightSteps.requireAllowed(tx, event, prefixes);
        }
        boolean verified =
                !event.lots().isEmpty() && known.size() == event.lots().size();
        Captured captured = new Captured(event.event(), event.stored(context), new ArrayList<>(event.lots()), verified);
        Recorded recorded = Events.capture(tx, captured, prefixes, eventId -> {
            if (event.declaresError()) {
                CapturedMovements.declaredErroneous(tx, known);
            } else {
                CapturedMovements.apply(tx, event, known, eventId, time);
            }
        });
        return new Result(recorded.eventId(), recorded.duplicate(), verified, recorded.lots());
    }

    /**
     * The lots of the event the ledger knows. A lot of a product registered here that the ledger
     * does not know is refused, except as the output a transformation makes: such lots come into
     * being only on this ledger, so another system's events cannot link them before they exist.
     * Known lots appear only in the quantity lists the event's type has.
     */
    private static Map<LotRef, Lot> known(Tx tx, CapturedEvent event) {
        Map<LotRef, Lot> known = new LinkedHashMap<>();
        Set<LotRef> made = event.type().equals("TransformationEvent")
                ? event.lines("outputQuantityList").stream()
                        .map(CapturedEvent.Line::lot)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet())
                : Set.of();
        for (LotRef ref : event.lots()) {
            var lot = Lots.find(tx, ref);
            if (lot.isPresent()) {
                known.put(ref, lot.get());
            } else if (!made.contains(ref) && Products.registered(tx, ref.gtin())) {
                throw new TraceException(
                        ErrorCode.LOT_NOT_FOUND,
                        "lot " + ref + " of a product registered here is not on the ledger;"
                                + " its lots are commissioned or made here first");
            }
        }
        for (String list : event.foreignQuantityLists()) {
            for (CapturedEvent.Line line : event.lines(list)) {
                if (line.lot() != null && known.containsKey(line.lot())) {
                    throw new TraceException(
                            ErrorCode.INVALID_ARGUMENT,
                            "lot " + line.lot() + " is in " + list + ", which an " + event.type() + " does not have");
                }
            }
        }
        return known;
    }

    private static boolean makesRegisteredLots(Tx tx, CapturedEvent event) {
        return event.type().equals("TransformationEvent")
                && event.lines("outputQuantityList").stream()
                        .anyMatch(line -> line.lot() != null
                                && Products.registered(tx, line.lot().gtin()));
    }
}
