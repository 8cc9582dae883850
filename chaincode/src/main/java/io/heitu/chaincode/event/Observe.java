package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.Disposition;
import io.heitu.chaincode.epcis.LotRef;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Request of {@code event:Observe}: an ObjectEvent that moves no quantity (storing, packing,
 * loading, sensor readings …) on lots the caller holds or carries.
 */
public record Observe(
        BizStep bizStep,
        Disposition disposition,
        List<LotRef> lots,
        String eventTime,
        String locationId,
        List<SensorReading> sensorReadings,
        String note,
        Integer line) {

    /** Steps that change quantities or status have transactions of their own. */
    static final Set<BizStep> OWN_TRANSACTION = EnumSet.of(
            BizStep.COMMISSIONING,
            BizStep.SHIPPING,
            BizStep.RECEIVING,
            BizStep.RETAIL_SELLING,
            BizStep.DESTROYING,
            BizStep.DECOMMISSIONING,
            BizStep.INSPECTING,
            BizStep.SAMPLING,
            BizStep.HOLDING,
            BizStep.KILLING,
            BizStep.VOID_SHIPPING);

    /** Dispositions that only a movement, sale, disposal or recall may set. */
    static final Set<Disposition> STATUS_DISPOSITIONS = EnumSet.of(
            Disposition.RECALLED,
            Disposition.DESTROYED,
            Disposition.DISPOSED,
            Disposition.RETAIL_SOLD,
            Disposition.RETURNED);

    public Observe {
        Texts.require("bizStep", bizStep);
        if (disposition != null && STATUS_DISPOSITIONS.contains(disposition)) {
            throw Texts.invalid(
                    "disposition " + disposition.word() + " is set by its own transaction, not an observation");
        }
        if (OWN_TRANSACTION.contains(bizStep)) {
            throw Texts.invalid("bizStep " + bizStep.word() + " has its own transaction");
        }
        if (lots == null || lots.isEmpty() || lots.size() > LotQuantity.MAX_LINES) {
            throw Texts.invalid("lots must name 1 to " + LotQuantity.MAX_LINES + " lots");
        }
        if (new HashSet<>(lots).size() != lots.size()) {
            throw Texts.invalid("lots names a lot twice");
        }
        lots = List.copyOf(lots);
        Texts.require("eventTime", eventTime);
        locationId = locationId == null ? null : Texts.id("locationId", locationId);
        sensorReadings = sensorReadings == null ? List.of() : List.copyOf(sensorReadings);
        if (sensorReadings.size() > SensorReading.MAX_PER_EVENT) {
            throw Texts.invalid("at most " + SensorReading.MAX_PER_EVENT + " sensor readings per event");
        }
        note = Texts.optional("note", note, Texts.NOTE_MAX);
        line = Texts.line(line);
    }
}
