package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import java.math.BigDecimal;

/** One cold-chain reading: temperature in °C (CEL) or relative humidity in % (P1). */
public record SensorReading(String type, BigDecimal value, String uom, String time, String deviceId) {

    static final int MAX_PER_EVENT = 1_000;

    public SensorReading {
        switch (Texts.require("sensor type", type)) {
            case "Temperature" -> {
                uom = uom == null ? "CEL" : uom;
                if (!uom.equals("CEL")) {
                    throw Texts.invalid("temperature readings are in CEL");
                }
                value = Decimals.between("temperature", value, BigDecimal.valueOf(-80), BigDecimal.valueOf(80));
            }
            case "RelativeHumidity" -> {
                uom = uom == null ? "P1" : uom;
                if (!uom.equals("P1")) {
                    throw Texts.invalid("humidity readings are in P1 (percent)");
                }
                value = Decimals.between("humidity", value, BigDecimal.ZERO, BigDecimal.valueOf(100));
            }
            default -> throw Texts.invalid("sensor type must be Temperature or RelativeHumidity");
        }
        Texts.require("sensor value", value);
        Texts.require("sensor time", time);
        deviceId = Texts.optional("deviceId", deviceId, Texts.ID_MAX);
    }
}
