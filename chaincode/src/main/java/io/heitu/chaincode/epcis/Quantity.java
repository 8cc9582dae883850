package io.heitu.chaincode.epcis;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.TraceException;
import java.math.BigDecimal;

/** An exact amount in a unit. Arithmetic refuses to mix units. */
public record Quantity(BigDecimal value, Uom uom) {

    public Quantity {
        value = Decimals.canonical(Texts.require("quantity", value));
        Texts.require("uom", uom);
    }

    public static Quantity zero(Uom uom) {
        return new Quantity(BigDecimal.ZERO, uom);
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value.add(sameUnit(other).value), uom);
    }

    public Quantity minus(Quantity other) {
        return new Quantity(value.subtract(sameUnit(other).value), uom);
    }

    public boolean isLessThan(Quantity other) {
        return value.compareTo(sameUnit(other).value) < 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    private Quantity sameUnit(Quantity other) {
        if (other.uom != uom) {
            throw new TraceException(
                    ErrorCode.UNIT_MISMATCH, "quantities in " + uom + " and " + other.uom + " cannot be combined");
        }
        return other;
    }
}
