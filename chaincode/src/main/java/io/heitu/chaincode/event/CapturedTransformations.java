package io.heitu.chaincode.event;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.lot.Edge;
import io.heitu.chaincode.lot.Lineage;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.LotOrigin;
import io.heitu.chaincode.lot.LotStatus;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Provenance;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.product.Products;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Captured TransformationEvents: what they take from known lots, what they make, and the lineage links. */
final class CapturedTransformations {

    private CapturedTransformations() {}

    /**
     * Known inputs come out of what the caller holds; outputs made from known inputs become lots the
     * caller holds, within the mass balance; every input lot is linked to every output lot.
     */
    static void transform(Tx tx, CapturedEvent event, Map<LotRef, Lot> known, String eventId, Instant time) {
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
        List<LotQuantity> taken = CapturedMovements.lines(event, known, "inputQuantityList", "an input");
        List<Lot> takenLots = CapturedMovements.usable(known, taken, Use.MOVE);
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
}
