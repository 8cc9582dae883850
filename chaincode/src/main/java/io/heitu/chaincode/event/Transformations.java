package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Times;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Disposition;
import io.heitu.chaincode.epcis.EventBuilder;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.Jilin;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Recorded;
import io.heitu.chaincode.location.Locations;
import io.heitu.chaincode.lot.Edge;
import io.heitu.chaincode.lot.Lineage;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.LotStatus;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Provenance;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.product.Product;
import io.heitu.chaincode.product.Products;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TransformationEvents: paddy dried and milled into rice, rice packed into 5 kg bags, carcasses cut,
 * lots split and merged. Inputs come out of what the caller holds; outputs are new lots it holds;
 * lineage links every input to every output; and the outputs may not weigh more than the inputs.
 */
final class Transformations {

    private Transformations() {}

    /**
     * Outputs that already exist are refused when they are created, after the duplicate check: the
     * same transformation recorded again finds its own outputs there and is a duplicate, not a clash.
     */
    static Recorded transform(Tx tx, Transform request) {
        Transform.Kind kind = request.parsedKind();
        String maker = tx.caller().mspId();
        Instant time = Times.eventTime("eventTime", request.eventTime(), tx.time());
        EventBuilder event = EventBuilder.transformationEvent(time, Times.offsetOf(request.eventTime()))
                .bizStep(kind.bizStep)
                .disposition(Disposition.ACTIVE)
                .extension("transformationKind", kind.name().toLowerCase(java.util.Locale.ROOT));
        Movements.atLocation(tx, event, request.locationId());
        List<Lot> inputs = new ArrayList<>();
        BigDecimal inputKg = BigDecimal.ZERO;
        for (LotQuantity line : request.inputs()) {
            Lot lot = Lots.get(tx, line.ref());
            Lots.requireUsable(lot, Use.MOVE);
            Lots.inLotUnit(lot, line.quantity());
            inputs.add(lot);
            inputKg = inputKg.add(Products.kilograms(Products.get(tx, lot.gtin()), line.quantity()));
            event.quantity("inputQuantityList", line.ref().epcClass(), line.quantity());
        }
        BigDecimal outputKg = BigDecimal.ZERO;
        for (Transform.Output output : request.outputs()) {
            Product product = Products.get(tx, output.gtin());
            outputKg = outputKg.add(Products.kilograms(product, output.quantity()));
            event.quantity("outputQuantityList", output.ref().epcClass(), output.quantity());
            requireSameProduct(kind, inputs, output);
        }
        requireMassBalance(kind, inputKg, outputKg);
        ObjectNode built = event.build();
        List<LotRef> touched = new ArrayList<>(inputs.stream().map(Lot::ref).toList());
        request.outputs().forEach(output -> touched.add(output.ref()));
        return Events.record(tx, built, touched, eventId -> {
            Movements.taken(tx, inputs, request.inputs(), maker);
            for (Transform.Output output : request.outputs()) {
                createOutput(tx, kind, output, request, eventId, time);
                for (int i = 0; i < inputs.size(); i++) {
                    LotQuantity input = request.inputs().get(i);
                    Lineage.link(
                            tx,
                            input.ref(),
                            output.ref(),
                            new Edge(
                                    input.ref().epcClass(),
                                    output.ref().epcClass(),
                                    eventId,
                                    kind.name().toLowerCase(java.util.Locale.ROOT),
                                    Times.format(time),
                                    input.quantity(),
                                    output.quantity()));
                }
            }
        });
    }

    private static void createOutput(
            Tx tx, Transform.Kind kind, Transform.Output output, Transform request, String eventId, Instant time) {
        ObjectNode ilmd = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        output.ilmd().forEach((name, value) -> ilmd.set(Jilin.field(name), value));
        Provenance provenance = new Provenance(
                tx.caller().mspId(),
                request.locationId() == null
                        ? null
                        : Locations.own(tx, request.locationId()).id(),
                kind.origin(),
                output.quantity(),
                eventId,
                Times.format(time),
                ilmd.isEmpty() ? null : ilmd);
        Lots.create(tx, new Lot(output.gtin(), output.lotCode(), provenance, LotStatus.ACTIVE, null, null, null, null));
    }

    private static void requireSameProduct(Transform.Kind kind, List<Lot> inputs, Transform.Output output) {
        if (kind.keepsMass() && inputs.stream().anyMatch(input -> !input.gtin().equals(output.gtin()))) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                            + " keeps the product: every lot must have the same GTIN");
        }
    }

    /** Outputs never weigh more than inputs; a split or merge weighs exactly the same. */
    static void requireMassBalance(Transform.Kind kind, BigDecimal inputKg, BigDecimal outputKg) {
        int comparison = outputKg.compareTo(inputKg);
        if (comparison > 0 || (kind.keepsMass() && comparison != 0)) {
            throw new TraceException(
                    ErrorCode.MASS_BALANCE_VIOLATED,
                    "outputs weigh " + outputKg.stripTrailingZeros().toPlainString() + " kg against "
                            + inputKg.stripTrailingZeros().toPlainString() + " kg of inputs",
                    Map.of(
                            "inputKg", inputKg.stripTrailingZeros().toPlainString(),
                            "outputKg", outputKg.stripTrailingZeros().toPlainString()));
        }
    }
}
