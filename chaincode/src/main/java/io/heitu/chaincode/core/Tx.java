package io.heitu.chaincode.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Fabric does not let a transaction read its own writes; this class keeps them so that logic
 * touching one key twice (a recall reaching a lot by two paths) sees a consistent value. Scans see
 * committed state only.
 */
public final class Tx {

    private final ChaincodeStub stub;
    private final Caller caller;
    private final Action action;
    private final Map<String, byte[]> pending = new TreeMap<>();
    private boolean eventEmitted;
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

    public void put(String key, Object value) {
        byte[] bytes = value instanceof byte[] raw ? raw : Json.bytes(value);
        pending.put(key, bytes);
        stub.putState(key, bytes);
    }

    public void delete(String key) {
        pending.put(key, null);
        stub.delState(key);
    }

    /** Every entry under a partial composite key; refuses when there are more than {@code max}. */
    public List<Row> scan(int max, String type, String... attributes) {
        List<Row> rows = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(key(type, attributes))) {
            for (KeyValue kv : results) {
                if (rows.size() == max) {
                    throw new TraceException(
                            ErrorCode.LIMIT_EXCEEDED, "more than " + max + " entries of " + type + " in one request");
                }
                rows.add(row(kv));
            }
        } catch (Exception e) {
            throw rethrow(e);
        }
        return rows;
    }

    /** True when at least one entry exists under the partial composite key. */
    public boolean any(String type, String... attributes) {
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey(key(type, attributes))) {
            return results.iterator().hasNext();
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
        String key = kv.getKey();
        List<String> parts = new ArrayList<>();
        int start = 1;
        for (int i = 1; i < key.length(); i++) {
            if (key.charAt(i) == COMPOSITE) {
                parts.add(key.substring(start, i));
                start = i + 1;
            }
        }
        return new Row(parts.subList(1, parts.size()), kv.getValue());
    }

    private static RuntimeException rethrow(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
}
