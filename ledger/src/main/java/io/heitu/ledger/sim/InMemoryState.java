package io.heitu.ledger.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.hyperledger.fabric.shim.ledger.KeyModification;

/**
 * Committed world state and key history held in memory: the state database behind chaincode unit
 * tests. Same ordering and history semantics as the durable store.
 */
public final class InMemoryState implements StateView {

    private final NavigableMap<String, VersionedValue> values = new TreeMap<>(Keys.UTF8_ORDER);
    private final Map<String, List<KeyMod>> history = new HashMap<>();
    private final Map<String, byte[]> privateValues = new HashMap<>();

    @Override
    public synchronized VersionedValue get(String key) {
        return values.get(key);
    }

    @Override
    public synchronized CloseableIterator<StateEntry> range(String startInclusive, String endExclusive) {
        NavigableMap<String, VersionedValue> slice = endExclusive.isEmpty()
                ? values.tailMap(startInclusive, true)
                : values.subMap(startInclusive, true, endExclusive, false);
        List<StateEntry> snapshot = new ArrayList<>(slice.size());
        slice.forEach((key, value) -> snapshot.add(new StateEntry(key, value)));
        return iterate(snapshot);
    }

    @Override
    public synchronized CloseableIterator<KeyModification> history(String key) {
        List<KeyModification> newestFirst = new ArrayList<>(history.getOrDefault(key, List.of()));
        Collections.reverse(newestFirst);
        return iterate(newestFirst);
    }

    /** Applies the writes of one valid transaction at the given version. */
    public synchronized void apply(List<Write> writes, Version version, String txId, Instant timestamp) {
        for (Write write : writes) {
            if (write.isDelete()) {
                values.remove(write.key());
            } else {
                values.put(write.key(), new VersionedValue(write.value().clone(), version));
            }
            history.computeIfAbsent(write.key(), k -> new ArrayList<>())
                    .add(new KeyMod(txId, write.value(), timestamp, write.isDelete()));
        }
    }

    /** Keeps the private values of a valid transaction (this state is a member of every collection). */
    public synchronized void applyPrivate(List<PrivateWrite> writes) {
        for (PrivateWrite write : writes) {
            if (write.value() != null) {
                privateValues.put(
                        privateId(write.collection(), write.key(), write.valueHash()),
                        write.value().clone());
            }
        }
    }

    @Override
    public synchronized byte[] privateValue(String collection, String key, byte[] valueHash) {
        byte[] value = privateValues.get(privateId(collection, key, valueHash));
        return value == null ? null : value.clone();
    }

    private static String privateId(String collection, String key, byte[] valueHash) {
        return collection + '\u0000' + key + '\u0000' + HexFormat.of().formatHex(valueHash);
    }

    public synchronized int size() {
        return values.size();
    }

    private static <T> CloseableIterator<T> iterate(List<T> items) {
        Iterator<T> delegate = items.iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return delegate.hasNext();
            }

            @Override
            public T next() {
                return delegate.next();
            }

            @Override
            public void close() {}
        };
    }
}
