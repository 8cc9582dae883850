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
import io.heitu.chaincode.lot.Ancestry;
import io.heitu.chaincode.lot.Edge;
import io.heitu.chaincode.lot.Lineage;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Provenance;
import io.heitu.chaincode.lot.Use;
import io.heitu.chaincode.product.Norms;
import io.heitu.chaincode.product.Product;
import io.heitu.chaincode.product.Products;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Instant time = tx.eventTime("eventTime", request.eventTime());
        EventBuilder event = EventBuilder.transformationEvent(time, Times.offsetOf(request.eventTime()))
                .bizStep(kind.bizStep)
                .disposition(Disposition.ACTIVE)
                .line(request.line())
                .extension("transformationKind", kind.name().toLowerCase(java.util.Locale.ROOT));
        Movements.atLocation(tx, event, request.locationId());
        List<Lot> inputs = new ArrayList<>();
        for (LotQuantity line : request.inputs()) {
            Lot lot = Lots.get(tx, line.ref());
            Lots.requireUsable(tx, lot, Use.MOVE);
            Lots.inLotUnit(lot, line.quantity());
            inputs.add(lot);
            event.quantity("inputQuantityList", line.ref().epcClass(), line.quantity());
        }
        request.outputs()
                .forEach(output ->
                        event.quantity("outputQuantityList", output.ref().epcClass(), output.quantity()));
        Ancestry ancestry = Ancestry.ofInputs(tx, inputs, false);
        requireOutputs(tx, kind, inputs, request.inputs(), request.outputs(), ancestry);
        ObjectNode built = event.build();
        List<LotRef> touched = new ArrayList<>(inputs.stream().map(Lot::ref).toList());
        request.outputs().forEach(output -> touched.add(output.ref()));
        return Events.record(tx, built, touched, eventId -> {
            Movements.taken(tx, inputs, request.inputs(), maker);
            for (Transform.Output output : request.outputs()) {
                createOutput(tx, kind, output, request, eventId, time, ancestry);
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
            Tx tx,
            Transform.Kind kind,
            Transform.Output output,
            Transform request,
            String eventId,
            Instant time,
            Ancestry ancestry) {
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
        Lots.create(tx, Lot.created(output.gtin(), output.lotCode(), provenance), ancestry);
    }

    /**
     * What a transformation may make: products registered here, under GTINs the maker owns or is
     * licensed to use; a split or merge keeps the product; a GI product only from harvests inside
     * its area; each output product within its registered yield of the inputs; and all outputs
     * together within the inputs' weight.
     */
    static void requireOutputs(
            Tx tx,
            Transform.Kind kind,
            List<Lot> inputs,
            List<LotQuantity> inputLines,
            List<Transform.Output> outputs,
            Ancestry ancestry) {
        String maker = tx.caller().mspId();
        List<BigDecimal> inputKg = new ArrayList<>();
        BigDecimal totalIn = BigDecimal.ZERO;
        for (LotQuantity line : inputLines) {
            BigDecimal kg = Products.kilograms(Products.get(tx, line.gtin()), line.quantity());
            inputKg.add(kg);
            totalIn = totalIn.add(kg);
        }
        Map<String, BigDecimal> outputKg = new TreeMap<>();
        BigDecimal totalOut = BigDecimal.ZERO;
        for (Transform.Output output : outputs) {
            Product product = Products.get(tx, output.gtin());
            if (kind.keepsMass()
                    && inputs.stream().anyMatch(input -> !input.gtin().equals(output.gtin()))) {
                throw new TraceException(
                        ErrorCode.INVALID_ARGUMENT,
                        "a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                                + " keeps the product: every lot must have the same GTIN");
            }
            Norms.requireMaker(tx, product, maker);
            Norms.requireGiOrigin(tx, product, ancestry.plots(), ancestry.unknownSources());
            BigDecimal kg = Products.kilograms(product, output.quantity());
            outputKg.merge(output.gtin(), kg, BigDecimal::add);
            totalOut = totalOut.add(kg);
        }
        requireMassBalance(kind, totalIn, totalOut);
        for (Map.Entry<String, BigDecimal> made : outputKg.entrySet()) {
            // Inputs without a registered yield for this output count at their weight: the mass
            // balance below bounds them. A yield binds only where the regulator registered one.
            BigDecimal allowed = BigDecimal.ZERO;
            boolean registered = false;
            for (int i = 0; i < inputLines.size(); i++) {
                var ratio = Norms.yieldOf(tx, inputLines.get(i).gtin(), made.getKey());
                registered |= ratio.isPresent();
                allowed = allowed.add(inputKg.get(i).multiply(ratio.orElse(BigDecimal.ONE)));
            }
            if (registered && made.getValue().compareTo(allowed) > 0) {
                throw new TraceException(
                        ErrorCode.YIELD_EXCEEDED,
                        "outputs of " + made.getKey() + " weigh " + plain(made.getValue())
                                + " kg, more than the registered yield of the inputs allows: " + plain(allowed)
                                + " kg",
                        Map.of("outputKg", plain(made.getValue()), "allowedKg", plain(allowed)));
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
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
