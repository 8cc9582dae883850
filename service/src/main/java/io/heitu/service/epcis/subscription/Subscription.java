package io.heitu.service.epcis.subscription;

import io.heitu.service.epcis.EpcFormat;
import java.time.OffsetDateTime;

/**
 * A subscription to a named query: where results go (a webhook's {@code dest}, or a WebSocket),
 * when (each new matching event: {@code stream}; or on a schedule), and how far delivery got: the
 * read model's change number of the last event a subscriber acknowledged.
 */
public record Subscription(
        String id,
        String mspId,
        String queryName,
        String username,
        String dest,
        String signatureToken,
        QuerySchedule schedule,
        boolean reportIfEmpty,
        OffsetDateTime initialRecordTime,
        EpcFormat epcFormat,
        OffsetDateTime createdAt,
        long lastSeq,
        OffsetDateTime lastNotifiedAt,
        OffsetDateTime nextRunAt,
        int attempts,
        OffsetDateTime retryAt) {

    public boolean stream() {
        return schedule == null;
    }

    Subscription delivered(long seq, OffsetDateTime at, OffsetDateTime nextRun) {
        return new Subscription(
                id,
                mspId,
                queryName,
                username,
                dest,
                signatureToken,
                schedule,
                reportIfEmpty,
                initialRecordTime,
                epcFormat,
                createdAt,
                seq,
                at,
                nextRun,
                0,
                null);
    }

    Subscription failed(OffsetDateTime retry) {
        return new Subscription(
                id,
                mspId,
                queryName,
                username,
                dest,
                signatureToken,
                schedule,
                reportIfEmpty,
                initialRecordTime,
                epcFormat,
                createdAt,
                lastSeq,
                lastNotifiedAt,
                nextRunAt,
                attempts + 1,
                retry);
    }
}
