package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The payload of a chaincode event: the event recorded ({@code eventId}), the events of a batch or
 * capture ({@code events}), and the lots the transaction touched (EPC class URIs). Master data and
 * keys name no lot.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Change(String eventId, List<String> events, List<String> lots) {

    public Change {
        events = events == null ? List.of() : List.copyOf(events);
        lots = lots == null ? List.of() : List.copyOf(lots);
    }
}
