package io.heitu.ledger.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a simulated transaction read (with versions) and what it wants to write. */
public final class ReadWriteSet {

    private final Map<String, Version> reads = new LinkedHashMap<>();
    private final List<RangeRead> rangeReads = new ArrayList<>();
    private final Map<String, Write> writes = new TreeMap<>(Keys.UTF8_ORDER);
    private final Map<String, PrivateWrite> privateWrites = new TreeMap<>(Keys.UTF8_ORDER);

    void recordRead(String key, Version version) {
        reads.putIfAbsent(key, version);
    }

    void recordRangeRead(RangeRead rangeRead) {
        rangeReads.add(rangeRead);
    }

    void recordWrite(Write write) {
        writes.put(write.key(), write);
    }

    /** A private write: its hashed form joins the writes, the value is kept beside them. */
    void recordPrivateWrite(PrivateWrite write) {
        recordWrite(PrivateKeys.hashWrite(write));
        privateWrites.put(PrivateKeys.hashKey(write.collection(), write.key()), write);
    }

    /** The private values written, in hashed-key order; they go to the private store, never to a block. */
    public List<PrivateWrite> privateWrites() {
        return List.copyOf(privateWrites.values());
    }

    /** Keys read, with the version seen (null for a key that did not exist). */
    public Map<String, Version> reads() {
        return Collections.unmodifiableMap(reads);
    }

    public List<RangeRead> rangeReads() {
        return Collections.unmodifiableList(rangeReads);
    }

    /** Writes in key order; the last write of a key wins, as in Fabric. */
    public List<Write> writes() {
        return List.copyOf(writes.values());
    }

    public boolean isReadOnly() {
        return writes.isEmpty();
    }
}
