package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Texts;
import java.util.List;

/**
 * Request of {@code event:Sell} (retail sale) and {@code event:Dispose} (destruction): lots leave
 * the supply chain. {@code reference} is a receipt or disposal record number.
 */
public record Consume(
        List<LotQuantity> lots, String locationId, String eventTime, String reference, String reason, Integer line) {

    public Consume {
        lots = LotQuantity.lines("lots", lots);
        locationId = locationId == null ? null : Texts.id("locationId", locationId);
        Texts.require("eventTime", eventTime);
        reference = Texts.optional("reference", reference, Texts.ID_MAX);
        reason = Texts.optional("reason", reason, Texts.NOTE_MAX);
        line = Texts.line(line);
    }
}
