package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.TraceException;
import java.util.Locale;

/** CBV 2.0 business steps, written as their bare CBV words in EPCIS 2.0 JSON-LD. */
public enum BizStep {
    ACCEPTING,
    ARRIVING,
    ASSEMBLING,
    COLLECTING,
    COMMISSIONING,
    CONSIGNING,
    CREATING_CLASS_INSTANCE,
    CYCLE_COUNTING,
    DECOMMISSIONING,
    DEPARTING,
    DESTROYING,
    DISASSEMBLING,
    DISPENSING,
    ENCODING,
    ENTERING_EXITING,
    HOLDING,
    INSPECTING,
    INSTALLING,
    KILLING,
    LOADING,
    OTHER,
    PACKING,
    PICKING,
    RECEIVING,
    REMOVING,
    REPACKAGING,
    REPAIRING,
    REPLACING,
    RESERVING,
    RETAIL_SELLING,
    SAMPLING,
    SENSOR_REPORTING,
    SHIPPING,
    STAGING_OUTBOUND,
    STOCK_TAKING,
    STOCKING,
    STORING,
    TRANSPORTING,
    UNLOADING,
    UNPACKING,
    VOID_SHIPPING;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BizStep of(String word) {
        for (BizStep step : values()) {
            if (step.word().equals(word)) {
                return step;
            }
        }
        throw new TraceException(ErrorCode.UNKNOWN_CBV_VALUE, "'" + Texts.clip(word) + "' is not a CBV business step");
    }
}
