package io.heitu.chaincode.inspection;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import java.math.BigDecimal;

/**
 * One lab result: an analyte measured against a limit (e.g. a pesticide residue in mg/kg against its
 * GB 2763 maximum). The pass/fail verdict is computed by the chaincode, never taken from the client.
 */
public record Measurement(
        String analyte,
        BigDecimal value,
        String unit,
        BigDecimal limit,
        String limitType,
        String method,
        Boolean pass) {

    public Measurement {
        analyte = Texts.required("analyte", analyte, Texts.NAME_MAX);
        value = Texts.require("value", Decimals.measured("value", value));
        unit = Texts.required("unit", unit, 32);
        limit = Texts.require("limit", Decimals.measured("limit", limit));
        limitType = limitType == null ? "max" : limitType;
        if (!limitType.equals("max") && !limitType.equals("min")) {
            throw Texts.invalid("limitType must be max or min");
        }
        method = Texts.optional("method", method, Texts.NAME_MAX);
        pass = limitType.equals("max") ? value.compareTo(limit) <= 0 : value.compareTo(limit) >= 0;
    }
}
