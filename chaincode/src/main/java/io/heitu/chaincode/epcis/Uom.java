package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.TraceException;
import java.math.BigDecimal;

/**
 * Units of measure as UN/ECE Recommendation 20 codes, which EPCIS quantities use. Farmers' units
 * (斤 jin, 亩 mu) are converted by the service; the ledger keeps SI-based codes.
 */
public enum Uom {
    KGM(new BigDecimal("1")),
    GRM(new BigDecimal("0.001")),
    TNE(new BigDecimal("1000")),
    /** One piece: a bag, a root, an animal. Weighs whatever the product's net content says. */
    H87(null);

    private final BigDecimal kilograms;

    Uom(BigDecimal kilograms) {
        this.kilograms = kilograms;
    }

    public boolean isMass() {
        return kilograms != null;
    }

    /** Kilograms in {@code amount} of this unit; only for mass units. */
    public BigDecimal toKilograms(BigDecimal amount) {
        if (kilograms == null) {
            throw new TraceException(ErrorCode.UNIT_MISMATCH, name() + " is not a unit of mass");
        }
        return amount.multiply(kilograms);
    }

    @JsonValue
    public String code() {
        return name();
    }

    @JsonCreator
    public static Uom of(String code) {
        for (Uom uom : values()) {
            if (uom.name().equals(code)) {
                return uom;
            }
        }
        throw new TraceException(
                ErrorCode.INVALID_ARGUMENT, "unit '" + Texts.clip(code) + "' is not one of KGM, GRM, TNE, H87");
    }
}
