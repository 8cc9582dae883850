package io.heitu.service.epcis;

import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An event of the read model: the columns EPCIS queries filter on, the identifiers it names by
 * field, and the event itself as the ledger stores it.
 */
record EventRow(
        String digest,
        String eventId,
        String sourceEventId,
        String eventType,
        String action,
        OffsetDateTime eventTime,
        OffsetDateTime recordTime,
        String bizStep,
        String disposition,
        String readPoint,
        String bizLocation,
        boolean verified,
        String recordedBy,
        String txId,
        List<Id> ids,
        JsonNode body) {

    /** An identifier and the field of the event that names it. */
    record Id(String field, String id) {}
}
