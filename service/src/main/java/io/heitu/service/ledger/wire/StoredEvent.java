package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An EPCIS event as the ledger stores it ({@code event:Get}, {@code event:GetMany}, the items of
 * {@code lot:Events}): the event, who recorded it in which transaction, and the lots it names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoredEvent(
        String eventId,
        EpcisEvent event,
        String recordedBy,
        String recordedByRole,
        String txId,
        List<String> lots,
        Boolean verified,
        String sourceEventId) {

    public StoredEvent {
        lots = lots == null ? List.of() : List.copyOf(lots);
    }
}
