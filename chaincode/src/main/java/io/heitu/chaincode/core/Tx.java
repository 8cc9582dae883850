package io.heitu.chaincode.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * One transaction's view of the ledger: typed reads and canonical writes over composite keys, the
 * caller, and the transaction's own timestamp as the only clock.
 *
 * <p>Fabric does not let a transaction read its own writes, neither by key nor in range scans; this
 * class keeps them and lays them over every read, so that each step of a transaction (an entry of a
 * batch, an event of a capture) sees what the steps before it wrote: two receipts of one shipment
 * in one batch find the shipment drawn down by the first. Only paginated queries, which Fabric
 * allows in read-only transactions alone, see committed state.
 */
public final class Tx {

    private final ChaincodeStub stub;
    private final Caller caller;
    private final Action action;
    private final TreeMap<String, byte[]> pending = new TreeMap<>();
    private boolean eventEmitted;
    private Duration recordingDelay = Duration.ofHours(72);
    private List<Change> batched;

    public Tx(ChaincodeStub stub, Caller caller, Action action) {
        this.stub = stub;
        this.caller = caller;
        this.action = action;
    }

    public Caller caller() {
        return caller;
    }

    public Action action() {
        return action;
    }

    public String txId() {
        return stub.getTxId();
    }

    /** How long after an event the caller's organisation may record it; set by the gate. */
    public void allowRecordingDelay(Duration delay) {
        recordingDelay = delay;
    }

    /**
     * The time of an event the caller records: not later than the transaction time (plus the
     * tolerance for devices' clocks), not earlier than the organisation's recording delay allows.
     */
    public Instant eventTime(String field, String value) {
        Instant eventTime = Times.eventTime(field, value, time());
        requireRecordedInTime(field, eventTime);
        return eventTime;
    }

    /** Refuses an event dated further back than the caller's organisation may record. */
    public void requireRecordedInTime(String field, Instant eventTime) {
        Instant earliest = time().minus(recordingDelay);
        if (eventTime.isBefore(earliest)) {
            throw new TraceException(
                    ErrorCode.LATE_RECORDING,
                    field + " " + Times.format(eventTime) + " is more than " + recordingDelay.toHours()
                            + " hours before it is recorded",
                    Map.of(
                            "eventTime", Times.format(eventTime),
                            "recordedAt", Times.format(time()),
                            "allowedHours", Long.toString(recordingDelay.toHours())));
        }
    }

    /** The transaction timestamp: the same on every endorsing peer. */
    public Instant time() {
        return stub.getTxTimestamp();
    }

    /**
     * A composite key in Fabric's format ({@code U+0000 type U+0000 attribute U+0000 …}), as the
     * shim's {@code CompositeKey} writes it. Built here because the shim compiles a regular
     * expression for every segment it checks: half the time of a 10,000-lot lineage.
     */
    public String key(String type, String... attributes) {
        StringBuilder key =
                new StringBuilder(64).append(COMPOSITE).append(segment(type)).append(COMPOSITE);
        for (String attribute : attributes) {
            key.append(segment(attribute)).append(COMPOSITE);
        }
        return key.toString();
    }

    private static final char COMPOSITE = '\0';

    private static String segment(String value) {
        for (int i = 0; i < value.length(); i++) {
            int c = value.codePointAt(i);
            if (c == 0 || c == Character.MAX_CODE_POINT) {
                throw new TraceException(ErrorCode.INVALID_ARGUMENT, "a key part holds U+0000 or U+10FFFF");
            }
        }
        return value;
    }

    public <T> Optional<T> read(String key, Class<T> type) {
        byte[] bytes = pending.containsKey(key) ? pending.get(key) : stub.getState(key);
        return bytes == null || bytes.length == 0 ? Optional.empty() : Optional.of(Json.decode(bytes, type));
    }

    public <T> T get(String key, Class<T> type, Supplier<TraceException> missing) {
        return read(key, type).orElseThrow(missing);
    }

    public boolean exists(String key) {
        byte[] bytes = pending.containsKey(key) ? pending.get(key) : stub.getState(key);
        return bytes != null && bytes.length > 0;
    }

    /** True when this transaction itself wrote (or deleted) the key. */
    public boolean wroteHere(String key) {
        return pending.containsKey(key);
    }

    public void put(String key, Object value) {
        byte[] bytes = value instanceof byte[] raw ? raw : Json.bytes(value);
        pending.put(key, bytes);
        stub.putState(key, bytes);
    }

    public void delete(String key) {
        pending.put(key, null);
        stub.delState(key);
    }

    /**
     * Every entry under a partial composite key, this transaction's writes laid over committed
     * state, in key order; refuses when there are more than {@code max}.
     */
    public List<Row> scan(int max, String type, String... attributes) {
        String prefix = key(type, attributes);
        TreeMap<String, byte[]> merged = new TreeMap<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(prefix)) {
            for (KeyValue kv : results) {
                if (!pending.containsKey(kv.getKey())) {
                    merged.put(kv.getKey(), kv.getValue());
                    requireAtMost(max, merged.size(), type);
                }
            }
        } catch (Exception e) {
            throw rethrow(e);
        }
        for (Map.Entry<String, byte[]> write : written(prefix).entrySet()) {
            if (write.getValue() != null) {
                merged.put(write.getKey(), write.getValue());
                requireAtMost(max, merged.size(), type);
            }
        }
        List<Row> rows = new ArrayList<>(merged.size());
        merged.forEach((key, value) -> rows.add(row(key, value)));
        return rows;
    }

    private static void requireAtMost(int max, int size, String type) {
        if (size > max) {
            throw new TraceException(
                    ErrorCode.LIMIT_EXCEEDED, "more than " + max + " entries of " + type + " in one request");
        }
    }

    /** This transaction's writes (null for a delete) under a key prefix. */
    private SortedMap<String, byte[]> written(String prefix) {
        SortedMap<String, byte[]> tail = pending.tailMap(prefix);
        String end = null;
        for (String key : tail.keySet()) {
            if (!key.startsWith(prefix)) {
                end = key;
                break;
            }
        }
        return end == null ? tail : tail.headMap(end);
    }

    /** True when at least one entry exists under the partial composite key, this transaction's writes included. */
    public boolean any(String type, String... attributes) {
        String prefix = key(type, attributes);
        if (written(prefix).values().stream().anyMatch(java.util.Objects::nonNull)) {
            return true;
        }
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(prefix)) {
            for (KeyValue kv : results) {
                if (!pending.containsKey(kv.getKey())) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    /**
     * One page under a partial composite key (read-only transactions only, as in Fabric). A peer
     * starts the scan at the bookmark as given, so a bookmark outside the query's keys would read
     * other records: it must continue this query.
     */
    public Page<Row> page(int pageSize, String bookmark, String type, String... attributes) {
        CompositeKey prefix = new CompositeKey(type, attributes);
        String from = bookmark == null ? "" : bookmark;
        if (!from.isEmpty() && !from.startsWith(prefix.toString())) {
            throw Texts.invalid("bookmark does not continue this query");
        }
        List<Row> rows = new ArrayList<>();
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                stub.getStateByPartialCompositeKeyWithPagination(prefix, pageSize, from)) {
            for (KeyValue kv : results) {
                rows.add(row(kv));
            }
            return new Page<>(rows, results.getMetadata().getBookmark());
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    /** A transient-map value of the proposal (private input that never reaches the channel), or null. */
    public byte[] transientValue(String name) {
        Map<String, byte[]> transientMap = stub.getTransient();
        return transientMap == null ? null : transientMap.get(name);
    }

    /** Writes a private value: the collection's members keep it, the channel only its hash. */
    public void putPrivate(String collection, String key, byte[] value) {
        stub.putPrivateData(collection, key, value);
    }

    /** A committed private value, or null; only peers of the collection's members hold one. */
    public byte[] getPrivate(String collection, String key) {
        byte[] value = stub.getPrivateData(collection, key);
        return value == null || value.length == 0 ? null : value;
    }

    /** The committed SHA-256 of a private value, or null: every peer holds it. */
    public byte[] privateHash(String collection, String key) {
        byte[] hash = stub.getPrivateDataHash(collection, key);
        return hash == null || hash.length == 0 ? null : hash;
    }

    /** Every committed version of a key, newest first. */
    public List<KeyModification> history(String key) {
        List<KeyModification> versions = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(key)) {
            for (KeyModification modification : results) {
                versions.add(modification);
            }
        } catch (Exception e) {
            throw rethrow(e);
        }
        return versions;
    }

    /** The chaincode event announcing this transaction's change; Fabric keeps one per transaction. */
    public void emit(String name, Object payload) {
        if (batched != null && payload instanceof Change change) {
            batched.add(change);
            return;
        }
        if (eventEmitted) {
            throw new TraceException(ErrorCode.INTERNAL_ERROR, "a transaction emits one chaincode event");
        }
        eventEmitted = true;
        stub.setEvent(name, Json.bytes(payload));
    }

    /**
     * Several recordings in one transaction: their chaincode events are collected, and
     * {@link #endBatch} emits one event naming every lot they touched.
     */
    public void beginBatch() {
        batched = new ArrayList<>();
    }

    public void endBatch(String name) {
        java.util.TreeSet<String> lots = new java.util.TreeSet<>();
        List<String> events = new ArrayList<>();
        for (Change change : batched) {
            lots.addAll(change.lots());
            if (change.eventId() != null && !events.contains(change.eventId())) {
                events.add(change.eventId());
            }
        }
        batched = null;
        emit(name, new Change("events", txId(), List.copyOf(lots), null, events));
    }

    /** The attributes of a composite key of a scan (its type left out), split without the shim's checks. */
    private static Row row(KeyValue kv) {
        return row(kv.getKey(), kv.getValue());
    }

    private static Row row(String key, byte[] value) {
        List<String> parts = new ArrayList<>();
        int start = 1;
        for (int i = 1; i < key.length(); i++) {
            if (key.charAt(i) == COMPOSITE) {
                parts.add(key.substring(start, i));
                start = i + 1;
            }
        }
        return new Row(parts.subList(1, parts.size()), value);
    }

    private static RuntimeException rethrow(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
}
