package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<LotRef, Lot> known = new LinkedHashMap<>();
        for (LotRef ref : event.lots()) {
            Lots.find(tx, ref).ifPresent(lot -> known.put(ref, lot));
        }
        boolean verified =
                !event.lots().isEmpty() && known.size() == event.lots().size();
        Captured captured = new Captured(event.event(), event.stored(context), new ArrayList<>(event.lots()), verified);
        Recorded recorded = Events.capture(tx, captured, prefixes, eventId -> {
            if (!event.declaresError()) {
                CapturedMovements.apply(tx, event, known, eventId, time);
            }
        });
        return new Result(recorded.eventId(), recorded.duplicate(), verified, recorded.lots());
    }
}
