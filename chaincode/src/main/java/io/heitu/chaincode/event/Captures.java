package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Captured;
import io.heitu.chaincode.epcis.Disposition;
import io.heitu.chaincode.epcis.EventHash;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.PartyIds;
import io.heitu.chaincode.epcis.Recorded;
import io.heitu.chaincode.lot.Edge;
import io.heitu.chaincode.lot.Lineage;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.LotOrigin;
import io.heitu.chaincode.lot.LotStatus;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Provenance;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.org.Organisation;
import io.heitu.chaincode.org.Organisations;
import io.heitu.chaincode.product.Products;
import java.math.BigDecimal;
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
                apply(tx, event, known, eventId, time);
            }
        });
        return new Result(recorded.eventId(), recorded.duplicate(), verified, recorded.lots());
    }

    private static void apply(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String eventId, Instant time) {
        if (event.type().equals("TransformationEvent")) {
            transform(tx, event, known, eventId, time);
            return;
        }
        if (known.isEmpty()) {
            return;
        }
        String list = event.type().equals("ObjectEvent") || event.type().equals("TransactionEvent")
                ? "quantityList"
                : "childQuantityList";
        if (!event.type().equals("ObjectEvent")) {
            Use use = switch (event.action()) {
                case "ADD" -> Use.MOVE;
                case "DELETE" -> Use.RECALL_HANDLING;
                default -> Use.OBSERVE;
            };
            observe(tx, event, known, use);
            return;
        }
        if (event.action().equals("ADD")) {
            throw new TraceException(
                    ErrorCode.LOT_EXISTS,
                    "lot " + known.keySet().iterator().next()
                            + " is already on the ledger; it is not commissioned again");
        }
        String step = event.bizStep() == null ? "" : event.bizStep();
        switch (step) {
            case "shipping" -> ship(tx, event, known, list, eventId);
            case "receiving" -> receive(tx, event, known, list);
            case "retail_selling" -> consume(tx, known, lines(event, known, list, "a sale"), Use.MOVE);
            case "destroying" -> consume(tx, known, lines(event, known, list, "a disposal"), Use.RECALL_HANDLING);
            default -> observe(tx, event, known, Use.OBSERVE);
        }
    }

    private static void ship(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String list, String eventId) {
        List<LotQuantity> lines = lines(event, known, list, "a shipment");
        Use use = "returned".equals(event.disposition()) ? Use.RECALL_HANDLING : Use.MOVE;
        List<Lot> lots = usable(known, lines, use);
        String from = tx.caller().mspId();
        String to = party(tx, event, "destinationList", "destination");
        if (to == null) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT, "a shipment of a known lot names its owning or possessing destination");
        }
        if (to.equals(from)) {
            throw new TraceException(ErrorCode.INVALID_ARGUMENT, "a shipment goes to another organisation");
        }
        Movements.shipped(tx, lots, lines, from, to, null, eventId);
    }

    private static void receive(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String list) {
        List<LotQuantity> lines = lines(event, known, list, "a receipt");
        List<Lot> lots = usable(known, lines, Use.RECALL_HANDLING);
        Movements.received(tx, lots, lines, tx.caller().mspId(), party(tx, event, "sourceList", "source"));
    }

    private static void consume(Tx tx, Map<LotRef, Lot> known, List<LotQuantity> lines, Use use) {
        Movements.taken(tx, usable(known, lines, use), lines, tx.caller().mspId());
    }

    /** Any other event on a known lot: the rules of {@code event:Observe}. */
    private static void observe(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, Use use) {
        if (use == Use.OBSERVE && statusDisposition(event.disposition())) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "disposition " + event.disposition() + " of a known lot is set by its own transaction");
        }
        for (Lot lot : known.values()) {
            Lots.requireUsable(lot, use);
            Lots.requireInvolved(tx, lot, tx.caller().mspId());
        }
    }

    /**
     * Known inputs come out of what the caller holds; outputs made from known inputs become lots the
     * caller holds, within the mass balance; every input lot is linked to every output lot.
     */
    private static void transform(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String eventId, Instant time) {
        List<CapturedEvent.Line> inputs = event.lines("inputQuantityList").stream()
                .filter(line -> line.lot() != null)
                .toList();
        List<CapturedEvent.Line> outputs = event.lines("outputQuantityList").stream()
                .filter(line -> line.lot() != null)
                .toList();
        for (CapturedEvent.Line output : outputs) {
            if (known.containsKey(output.lot())) {
                throw new TraceException(ErrorCode.LOT_EXISTS, "output lot " + output.lot() + " already exists");
            }
        }
        List<LotQuantity> taken = lines(event, known, "inputQuantityList", "an input");
        List<Lot> takenLots = usable(known, taken, Use.MOVE);
        BigDecimal inputKg = BigDecimal.ZERO;
        for (LotQuantity line : taken) {
            inputKg = inputKg.add(Products.kilograms(Products.get(tx, line.gtin()), line.quantity()));
        }
        Movements.taken(tx, takenLots, taken, tx.caller().mspId());
        if (!taken.isEmpty()) {
            BigDecimal outputKg = BigDecimal.ZERO;
            for (CapturedEvent.Line output : outputs) {
                LotQuantity line = output.asLotQuantity("an output");
                outputKg = outputKg.add(Products.kilograms(Products.get(tx, line.gtin()), line.quantity()));
                Provenance provenance = new Provenance(
                        tx.caller().mspId(),
                        null,
                        LotOrigin.TRANSFORMATION,
                        line.quantity(),
                        eventId,
                        Times.format(time),
                        event.event().has("ilmd") ? event.event().get("ilmd").deepCopy() : null);
                Lots.create(
                        tx, new Lot(line.gtin(), line.lotCode(), provenance, LotStatus.ACTIVE, null, null, null, null));
            }
            if (taken.size() == inputs.size()) {
                Transformations.requireMassBalance(Transform.Kind.PROCESSING, inputKg, outputKg);
            }
        }
        String kind = event.bizStep() == null ? "transformation" : event.bizStep();
        for (CapturedEvent.Line output : outputs) {
            for (CapturedEvent.Line input : inputs) {
                Lineage.link(
                        tx,
                        input.lot(),
                        output.lot(),
                        new Edge(
                                input.lot().epcClass(),
                                output.lot().epcClass(),
                                eventId,
                                kind,
                                Times.format(time),
                                input.quantityOrNull(),
                                output.quantityOrNull()));
            }
        }
    }

    /** The lines of a list that name known lots, each with its quantity in the ledger's units. */
    private static List<LotQuantity> lines(CapturedEvent event, Map<LotRef, Lot> known, String list, String what) {
        return event.lines(list).stream()
                .filter(line -> line.lot() != null && known.containsKey(line.lot()))
                .map(line -> line.asLotQuantity(what))
                .toList();
    }

    private static List<Lot> usable(Map<LotRef, Lot> known, List<LotQuantity> lines, Use use) {
        List<Lot> lots = new ArrayList<>();
        for (LotQuantity line : lines) {
            Lot lot = known.get(line.ref());
            Lots.requireUsable(lot, use);
            Lots.inLotUnit(lot, line.quantity());
            lots.add(lot);
        }
        return lots;
    }

    /**
     * The organisation a party URI names (our URN with its MSP ID, or its party GLN in any GS1
     * spelling), else the URI itself: a party outside the consortium.
     */
    private static String party(Tx tx, CapturedEvent event, String list, String field) {
        String uri = event.party(list, field, "owning_party");
        if (uri == null) {
            uri = event.party(list, field, "possessing_party");
        }
        if (uri == null) {
            return null;
        }
        if (uri.startsWith("urn:heitu:org:")) {
            String mspId = uri.substring("urn:heitu:org:".length());
            return Organisations.find(tx, mspId).isPresent() ? mspId : uri;
        }
        String gln = PartyIds.gln(uri);
        return gln == null
                ? uri
                : Organisations.byGln(tx, gln).map(Organisation::mspId).orElse(uri);
    }

    private static boolean statusDisposition(String word) {
        for (Disposition disposition : Observe.STATUS_DISPOSITIONS) {
            if (disposition.word().equals(word)) {
                return true;
            }
        }
        return false;
    }
}
