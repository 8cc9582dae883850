package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Texts;
import java.util.List;

/** Request of {@code event:Receive}: lots shipped to the caller arrive. */
public record Receive(List<LotQuantity> lots, String fromMsp, String locationId, String eventTime, Integer line) {

    public Receive {
        lots = LotQuantity.lines("lots", lots);
        fromMsp = Texts.optional("fromMsp", fromMsp, Texts.ID_MAX);
        locationId = locationId == null ? null : Texts.id("locationId", locationId);
        Texts.require("eventTime", eventTime);
        line = Texts.line(line);
    }
}
