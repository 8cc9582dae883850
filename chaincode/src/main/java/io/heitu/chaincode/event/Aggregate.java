package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.Gs1;
import java.util.List;

/** Request of {@code event:Aggregate}: lots packed onto (ADD) or taken off (DELETE) a pallet with an SSCC. */
public record Aggregate(
        String sscc,
        String action,
        List<LotQuantity> children,
        BizStep bizStep,
        String locationId,
        String eventTime,
        Integer line) {

    public Aggregate {
        sscc = Gs1.sscc(sscc);
        if (!"ADD".equals(action) && !"DELETE".equals(action)) {
            throw Texts.invalid("action must be ADD or DELETE");
        }
        children = LotQuantity.lines("children", children);
        bizStep = bizStep == null ? ("ADD".equals(action) ? BizStep.PACKING : BizStep.UNPACKING) : bizStep;
        locationId = locationId == null ? null : Texts.id("locationId", locationId);
        Texts.require("eventTime", eventTime);
        line = Texts.line(line);
    }
}
