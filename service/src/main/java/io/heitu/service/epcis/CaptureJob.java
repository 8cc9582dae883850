package io.heitu.service.epcis;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A capture job of the EPCIS capture interface: a document accepted for capture, its progress, and
 * for each refused event a problem with a stable code.
 */
record CaptureJob(
        String id,
        String username,
        String mspId,
        OffsetDateTime createdAt,
        OffsetDateTime finishedAt,
        boolean running,
        boolean success,
        String errorBehaviour,
        int eventCount,
        int captured,
        List<Failure> errors,
        List<Captured> results) {

    /** An event the ledger refused (or, for a failure of the whole transaction, none named). */
    record Failure(String code, String detail, Integer eventIndex, String eventId) {}

    /**
     * An event the ledger holds after the job: new or already there, checked or unverified upstream,
     * under the eventID its document gave (or the hash ID) and the CBV 2.0 hash ID.
     */
    record Captured(String eventId, String hashId, boolean duplicate, boolean verified) {}
}
