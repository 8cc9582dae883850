package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Words;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.lot.Ilmd;
import io.heitu.chaincode.lot.LotOrigin;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request of {@code event:Transform}: input lots become new output lots (drying, milling, cutting,
 * packing into bags), or one lot splits, or several merge.
 */
public record Transform(
        String kind,
        List<LotQuantity> inputs,
        List<Output> outputs,
        String locationId,
        String eventTime,
        Integer line) {

    /** What the transformation does; split and merge keep the product and its weight. */
    enum Kind {
        DRYING(BizStep.CREATING_CLASS_INSTANCE),
        MILLING(BizStep.CREATING_CLASS_INSTANCE),
        POLISHING(BizStep.CREATING_CLASS_INSTANCE),
        CUTTING(BizStep.CREATING_CLASS_INSTANCE),
        PROCESSING(BizStep.CREATING_CLASS_INSTANCE),
        PACKING(BizStep.PACKING),
        SPLIT(BizStep.REPACKAGING),
        MERGE(BizStep.REPACKAGING);

        final BizStep bizStep;

        Kind(BizStep bizStep) {
            this.bizStep = bizStep;
        }

        LotOrigin origin() {
            return switch (this) {
                case SPLIT -> LotOrigin.SPLIT;
                case MERGE -> LotOrigin.MERGE;
                default -> LotOrigin.TRANSFORMATION;
            };
        }

        boolean keepsMass() {
            return this == SPLIT || this == MERGE;
        }
    }

    /** A lot the transformation produces. */
    public record Output(String gtin, String lotCode, Quantity quantity, Map<String, JsonNode> ilmd) {
        public Output {
            LotRef ref = new LotRef(gtin, lotCode);
            gtin = ref.gtin();
            Texts.require("quantity", quantity);
            Decimals.positive("outputs[].quantity.value", quantity.value());
            ilmd = Ilmd.check(ilmd, 32);
        }

        public LotRef ref() {
            return new LotRef(gtin, lotCode);
        }
    }

    public Transform {
        Kind parsed = Words.parse(Kind.class, "kind", Texts.require("kind", kind));
        inputs = LotQuantity.lines("inputs", inputs);
        if (outputs == null || outputs.isEmpty() || outputs.size() > LotQuantity.MAX_LINES) {
            throw Texts.invalid("outputs must name 1 to " + LotQuantity.MAX_LINES + " lots");
        }
        Set<LotRef> seen = new HashSet<>();
        inputs.forEach(input -> seen.add(input.ref()));
        for (Output output : outputs) {
            if (!seen.add(Texts.require("outputs[]", output).ref())) {
                throw Texts.invalid("output lot " + output.ref() + " is also an input or named twice");
            }
        }
        outputs = List.copyOf(outputs);
        if (parsed == Kind.SPLIT && (inputs.size() != 1 || outputs.size() < 2)) {
            throw Texts.invalid("a split takes one input lot and makes two or more");
        }
        if (parsed == Kind.MERGE && (inputs.size() < 2 || outputs.size() != 1)) {
            throw Texts.invalid("a merge takes two or more input lots and makes one");
        }
        locationId = locationId == null ? null : Texts.id("locationId", locationId);
        Texts.require("eventTime", eventTime);
        line = Texts.line(line);
    }

    Kind parsedKind() {
        return Words.parse(Kind.class, "kind", kind);
    }
}
