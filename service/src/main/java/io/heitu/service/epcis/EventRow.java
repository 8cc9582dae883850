package io.heitu.service.epcis;

import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event of the read model: the columns EPCIS queries filter on (identifiers canonical, CBV values
 * as bare words), the identifiers it names by field, and the event as the EPCIS interface exports it.
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
        ObjectNode body) {

    /** An identifier (canonical) and the field of the event that names it. */
    record Id(String field, String id) {}
}
