package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An EPCIS event as recorded on the ledger: the event itself (with its hash as {@code eventID} and
 * the transaction time as {@code recordTime}), who recorded it, in which transaction, and the lots
 * it touches.
 */
public record StoredEvent(
        String eventId, JsonNode event, String recordedBy, String recordedByRole, String txId, List<String> lots) {

    public StoredEvent {
        lots = List.copyOf(lots);
    }
}
