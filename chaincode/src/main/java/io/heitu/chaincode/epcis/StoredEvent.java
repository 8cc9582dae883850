package io.heitu.chaincode.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An EPCIS event as recorded on the ledger: the event itself (with its hash as {@code eventID} and
 * the transaction time as {@code recordTime}), who recorded it, in which transaction, and the lots
 * it touches.
 *
 * <p>Events captured from an EPCIS document ({@code event:Capture}) also say whether the ledger
 * could check them: {@code verified} is false when the event names a lot the ledger does not know,
 * or no lot at all ("unverified upstream"); {@code sourceEventId} keeps the eventID the document
 * gave when it was not the hash. Both are absent on events our own transactions built, which the
 * domain rules always check.
 */
public record StoredEvent(
        String eventId,
        JsonNode event,
        String recordedBy,
        String recordedByRole,
        String txId,
        List<String> lots,
        Boolean verified,
        String sourceEventId) {

    public StoredEvent {
        lots = List.copyOf(lots);
    }

    public StoredEvent(
            String eventId, JsonNode event, String recordedBy, String recordedByRole, String txId, List<String> lots) {
        this(eventId, event, recordedBy, recordedByRole, txId, lots, null, null);
    }
}
