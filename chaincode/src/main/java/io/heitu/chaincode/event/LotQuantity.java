package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A quantity of a lot in an event request. */
public record LotQuantity(String gtin, String lotCode, Quantity quantity) {

    /** Most lots one event may name. */
    static final int MAX_LINES = 100;

    public LotQuantity {
        LotRef ref = new LotRef(gtin, lotCode);
        gtin = ref.gtin();
        Texts.require("quantity", quantity);
        Decimals.positive("quantity.value", quantity.value());
    }

    public LotRef ref() {
        return new LotRef(gtin, lotCode);
    }

    /** 1 to 100 lines naming each lot once. */
    static List<LotQuantity> lines(String field, List<LotQuantity> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw Texts.invalid(field + " must name 1 to " + MAX_LINES + " lots");
        }
        Set<LotRef> seen = new HashSet<>();
        for (LotQuantity line : lines) {
            Texts.require(field + "[]", line);
            if (!seen.add(line.ref())) {
                throw Texts.invalid(field + " names lot " + line.ref() + " twice");
            }
        }
        return List.copyOf(lines);
    }
}
