package io.heitu.chaincode.event;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.lot.Ancestry;
import io.heitu.chaincode.lot.Edge;
import io.heitu.chaincode.lot.Lineage;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.LotOrigin;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Provenance;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.product.Products;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Captured TransformationEvents: what they take from known lots, what they make, and the lineage links. */
final class CapturedTransformations {

    private CapturedTransformations() {}

    /**
     * Known inputs come out of what the caller holds. Outputs of products registered here become
     * lots the caller holds, bounded by the known inputs alone: an input the ledger does not know
     * adds nothing, so a lot of a registered product is never made from nothing. Every input lot is
     * linked to every output lot, known or not, so traces reach the sources.
     */
    static void transform(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String eventId, Instant time) {
        List<CapturedEvent.Line> inputs = event.lines("inputQuantityList");
        List<CapturedEvent.Line> outputs = event.lines("outputQuantityList").stream()
                .filter(line -> line.lot() != null)
                .toList();
        for (CapturedEvent.Line output : outputs) {
            if (known.containsKey(output.lot())) {
                throw new TraceException(ErrorCode.LOT_EXISTS, "output lot " + output.lot() + " already exists");
            }
        }
        List<LotQuantity> taken = CapturedMovements.lines(event, known, "inputQuantityList", "an input");
        List<Lot> takenLots = CapturedMovements.usable(tx, known, taken, Use.MOVE);
        boolean unknownInputs = taken.size() < inputs.size()
                || event.event().path("inputEPCList").size() > 0;
        List<Transform.Output> made = outputs.stream()
                .filter(output ->
                        !taken.isEmpty() || Products.registered(tx, output.lot().gtin()))
                .map(output -> new Transform.Output(
                        output.lot().gtin(),
                        output.lot().lotCode(),
                        output.asLotQuantity("an output").quantity(),
                        Map.of()))
                .toList();
        Ancestry ancestry = Ancestry.ofInputs(tx, takenLots, unknownInputs);
        if (!made.isEmpty()) {
            Transformations.requireOutputs(tx, Transform.Kind.PROCESSING, takenLots, taken, made, ancestry);
        }
        Movements.taken(tx, takenLots, taken, tx.caller().mspId());
        for (Transform.Output output : made) {
            Provenance provenance = new Provenance(
                    tx.caller().mspId(),
                    null,
                    LotOrigin.TRANSFORMATION,
                    output.quantity(),
                    eventId,
                    Times.format(time),
                    event.event().has("ilmd") ? event.event().get("ilmd").deepCopy() : null);
            Lots.create(tx, Lot.created(output.gtin(), output.lotCode(), provenance), ancestry);
        }
        String kind = event.bizStep() == null ? "transformation" : event.bizStep();
        for (CapturedEvent.Line output : outputs) {
            for (CapturedEvent.Line input : inputs) {
                if (input.lot() == null) {
                    continue;
                }
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
}
