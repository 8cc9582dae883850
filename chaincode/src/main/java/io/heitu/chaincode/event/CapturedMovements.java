package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Action;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Disposition;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.PartyIds;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.org.Organisation;
import io.heitu.chaincode.org.Organisations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules a captured event meets where it names lots the ledger knows: the same rules, through
 * the same code, as the transaction that records such an event here (ship, receive, sell, dispose,
 * observe, aggregate), held to the same role; transformations in {@link CapturedTransformations}.
 */
final class CapturedMovements {

    private CapturedMovements() {}

    /** The transaction a captured event stands for: the capturing role must be allowed to call it. */
    static Action actionOf(CapturedEvent event) {
        return switch (event.type()) {
            case "TransformationEvent" -> Action.EVENT_TRANSFORM;
            case "AggregationEvent" -> Action.EVENT_AGGREGATE;
            case "ObjectEvent" ->
                switch (event.bizStep() == null ? "" : event.bizStep()) {
                    case "shipping" -> Action.EVENT_SHIP;
                    case "receiving" -> Action.EVENT_RECEIVE;
                    case "retail_selling" -> Action.EVENT_SELL;
                    case "destroying" -> Action.EVENT_DISPOSE;
                    default -> Action.EVENT_OBSERVE;
                };
            default -> Action.EVENT_OBSERVE;
        };
    }

    static void apply(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String eventId, Instant time) {
        if (event.type().equals("TransformationEvent")) {
            CapturedTransformations.transform(tx, event, known, eventId, time);
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
            case "shipping" -> ship(tx, event, known, list, eventId, time);
            case "receiving" -> receive(tx, event, known, list);
            case "retail_selling" -> consume(tx, known, lines(event, known, list, "a sale"), Use.MOVE);
            case "destroying" -> consume(tx, known, lines(event, known, list, "a disposal"), Use.RECALL_HANDLING);
            default -> observe(tx, event, known, Use.OBSERVE);
        }
    }

    /**
     * An event declared erroneous when it is first captured changes nothing; it may still name only
     * lots the capturing organisation holds or carries, as any event it records.
     */
    static void declaredErroneous(Tx tx, Map<LotRef, Lot> known) {
        for (Lot lot : known.values()) {
            Lots.requireInvolved(tx, lot, tx.caller().mspId());
        }
    }

    private static void ship(
            Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String list, String eventId, Instant time) {
        List<LotQuantity> lines = lines(event, known, list, "a shipment");
        Use use = "returned".equals(event.disposition()) ? Use.RECALL_HANDLING : Use.MOVE;
        List<Lot> lots = usable(tx, known, lines, use);
        String from = tx.caller().mspId();
        String to = party(tx, event, "destinationList", "destination");
        if (to == null) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT, "a shipment of a known lot names its owning or possessing destination");
        }
        if (to.equals(from)) {
            throw new TraceException(ErrorCode.INVALID_ARGUMENT, "a shipment goes to another organisation");
        }
        if (use == Use.RECALL_HANDLING) {
            lots.forEach(lot -> Lots.requireSupplier(tx, lot, from, to));
        }
        Movements.shipped(tx, lots, lines, from, to, null, eventId, time, use == Use.RECALL_HANDLING);
    }

    private static void receive(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String list) {
        List<LotQuantity> lines = lines(event, known, list, "a receipt");
        List<Lot> lots = usable(tx, known, lines, Use.RECALL_HANDLING);
        Movements.received(tx, lots, lines, tx.caller().mspId(), party(tx, event, "sourceList", "source"));
    }

    private static void consume(Tx tx, Map<LotRef, Lot> known, List<LotQuantity> lines, Use use) {
        Movements.taken(tx, usable(tx, known, lines, use), lines, tx.caller().mspId());
    }

    /** Any other event on a known lot: the rules of {@code event:Observe}. */
    private static void observe(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, Use use) {
        if (use == Use.OBSERVE && statusDisposition(event.disposition())) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "disposition " + event.disposition() + " of a known lot is set by its own transaction");
        }
        for (Lot lot : known.values()) {
            Lots.requireUsable(tx, lot, use);
            Lots.requireInvolved(tx, lot, tx.caller().mspId());
        }
    }

    /** The lines of a list that name known lots, each with its quantity in the ledger's units. */
    static List<LotQuantity> lines(CapturedEvent event, Map<LotRef, Lot> known, String list, String what) {
        return event.lines(list).stream()
                .filter(line -> line.lot() != null && known.containsKey(line.lot()))
                .map(line -> line.asLotQuantity(what))
                .toList();
    }

    static List<Lot> usable(Tx tx, Map<LotRef, Lot> known, List<LotQuantity> lines, Use use) {
        List<Lot> lots = new ArrayList<>();
        for (LotQuantity line : lines) {
            Lot lot = known.get(line.ref());
            Lots.requireUsable(tx, lot, use);
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
