package io.heitu.ledger.sim;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fabric's validation step: a transaction is valid only if every key it read still has the version
 * it saw, no earlier transaction of the same block wrote one of those keys, and every range it
 * scanned still yields exactly the keys and versions it consumed (no phantoms).
 */
public final class MvccValidator {

    private MvccValidator() {}

    /**
     * @param committed state as of the previous block
     * @param writtenEarlierInBlock keys written by valid transactions earlier in the same block
     * @return the reason for an MVCC conflict, or empty when the transaction is valid
     */
    public static Optional<String> conflict(
            ReadWriteSet rwSet, StateView committed, Map<String, ?> writtenEarlierInBlock) {
        for (Map.Entry<String, Version> read : rwSet.reads().entrySet()) {
            String key = read.getKey();
            if (writtenEarlierInBlock.containsKey(key)) {
                return Optional.of("key read was written earlier in the block: " + printable(key));
            }
            VersionedValue now = committed.get(key);
            Version current = now == null ? null : now.version();
            if (!Objects.equals(current, read.getValue())) {
                return Optional.of("key read has a newer version: " + printable(key));
            }
        }
        for (RangeRead range : rwSet.rangeReads()) {
            Optional<String> phantom = phantom(range, committed, writtenEarlierInBlock);
            if (phantom.isPresent()) {
                return phantom;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> phantom(RangeRead range, StateView committed, Map<String, ?> pending) {
        String consumedEnd = consumedEnd(range);
        for (String key : pending.keySet()) {
            if (Keys.inRange(key, range.startKey(), range.endKey()) && withinConsumed(key, consumedEnd)) {
                return Optional.of("range was written earlier in the block: " + printable(key));
            }
        }
        try (CloseableIterator<StateEntry> now = committed.range(range.startKey(), range.endKey())) {
            for (RangeRead.KeyVersion seen : range.seen()) {
                if (!now.hasNext()) {
                    return Optional.of("key vanished from range: " + printable(seen.key()));
                }
                StateEntry entry = now.next();
                if (!entry.key().equals(seen.key()) || !entry.value().version().equals(seen.version())) {
                    return Optional.of("range changed at: " + printable(entry.key()));
                }
            }
            if (range.exhausted() && now.hasNext()) {
                return Optional.of(
                        "key appeared in range: " + printable(now.next().key()));
            }
        }
        return Optional.empty();
    }

    /** The last key the chaincode consumed, or null when it consumed the whole range. */
    private static String consumedEnd(RangeRead range) {
        if (range.exhausted() || range.seen().isEmpty()) {
            return range.exhausted() ? null : "";
        }
        return range.seen().get(range.seen().size() - 1).key();
    }

    private static boolean withinConsumed(String key, String consumedEnd) {
        return consumedEnd == null || Keys.UTF8_ORDER.compare(key, consumedEnd) <= 0;
    }

    private static String printable(String key) {
        return key.replace('\u0000', '/');
    }
}
