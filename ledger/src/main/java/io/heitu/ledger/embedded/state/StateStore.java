package io.heitu.ledger.embedded.state;

import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.blocks.TxEffect;
import io.heitu.ledger.sim.CloseableIterator;
import io.heitu.ledger.sim.KeyMod;
import io.heitu.ledger.sim.PrivateWrite;
import io.heitu.ledger.sim.StateEntry;
import io.heitu.ledger.sim.StateView;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.VersionedValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * World state, key history and the transaction and block indexes in RocksDB: everything derived
 * from the block file, rebuilt from it after a crash. Writes are not synced; the block file is what
 * is durable. A {@link #snapshot()} reads a consistent point in time for verify.
 */
public final class StateStore implements StateView, AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final Options options;
    private final ReadOptions reads;
    private final Snapshot snapshot;

    private StateStore(RocksDB db, Options options, ReadOptions reads, Snapshot snapshot) {
        this.db = db;
        this.options = options;
        this.reads = reads;
        this.snapshot = snapshot;
    }

    public static StateStore open(Path directory) throws IOException {
        Options options = new Options().setCreateIfMissing(true).setMaxBackgroundJobs(2);
        try {
            return new StateStore(RocksDB.open(options, directory.toString()), options, new ReadOptions(), null);
        } catch (RocksDBException e) {
            options.close();
            throw new IOException("cannot open state store " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A read-only view of this moment; close it to release the snapshot. */
    public StateStore snapshot() {
        Snapshot taken = db.getSnapshot();
        return new StateStore(db, null, new ReadOptions().setSnapshot(taken), taken);
    }

    @Override
    public VersionedValue get(String key) {
        byte[] stored = read(StoreKeys.state(key));
        return stored == null ? null : StoreValues.state(stored);
    }

    @Override
    public CloseableIterator<StateEntry> range(String startInclusive, String endExclusive) {
        byte[] to = endExclusive.isEmpty() ? StoreKeys.after(StoreKeys.STATE) : StoreKeys.state(endExclusive);
        // Without an upper bound, a seek into a range whose keys were deleted walks every tombstone
        // after it, however far: a lineage reading the (mostly emptied) holdings of 10,000 lots
        // then grows with the square of the lots.
        Slice bound = new Slice(to);
        ReadOptions bounded = new ReadOptions(reads).setIterateUpperBound(bound);
        return new RocksCursor<>(
                db.newIterator(bounded),
                StoreKeys.state(startInclusive),
                to,
                (key, value) -> new StateEntry(StoreKeys.stateKey(key), StoreValues.state(value)),
                bounded,
                bound);
    }

    @Override
    public CloseableIterator<KeyModification> history(String key) {
        byte[] prefix = StoreKeys.historyPrefix(key);
        // Inverted versions start with a byte below 0x80, so prefix + 0xFF is past every one of them.
        byte[] to = Arrays.copyOf(prefix, prefix.length + 1);
        to[prefix.length] = (byte) 0xFF;
        return new RocksCursor<>(db.newIterator(reads), prefix, to, (k, value) -> StoreValues.history(value));
    }

    /** Every history entry of every key: per key newest first, keys in length-then-byte order. */
    public CloseableIterator<HistoryEntry> allHistory() {
        return new RocksCursor<>(
                db.newIterator(reads),
                new byte[] {StoreKeys.HISTORY},
                StoreKeys.after(StoreKeys.HISTORY),
                (key, value) -> new HistoryEntry(
                        StoreKeys.historyKey(key), StoreKeys.historyVersion(key), StoreValues.history(value)));
    }

    public Optional<KeyMod> historyEntry(String key, Version version) {
        byte[] stored = read(StoreKeys.history(key, version));
        return stored == null ? Optional.empty() : Optional.of(StoreValues.history(stored));
    }

    @Override
    public byte[] privateValue(String collection, String key, byte[] valueHash) {
        return read(StoreKeys.privateValue(collection, key, valueHash));
    }

    /** Stores private values and syncs them to disk before returning (they are not derived from blocks). */
    public void putPrivate(List<PrivateWrite> writes) throws IOException {
        if (writes.stream().allMatch(write -> write.value() == null)) {
            return;
        }
        try (WriteBatch batch = new WriteBatch();
                WriteOptions options = new WriteOptions().setSync(true)) {
            for (PrivateWrite write : writes) {
                if (write.value() != null) {
                    batch.put(
                            StoreKeys.privateValue(write.collection(), write.key(), write.valueHash()), write.value());
                }
            }
            db.write(options, batch);
        } catch (RocksDBException e) {
            throw new IOException("cannot store private data: " + e.getMessage(), e);
        }
    }

    public Optional<TxIndexEntry> tx(String txId) {
        byte[] stored = read(StoreKeys.tx(txId));
        return stored == null ? Optional.empty() : Optional.of(StoreValues.tx(stored));
    }

    public Optional<BlockLocation> block(long number) {
        byte[] stored = read(StoreKeys.block(number));
        return stored == null ? Optional.empty() : Optional.of(StoreValues.block(number, stored));
    }

    /** The last block whose effects are applied. */
    public OptionalLong savepoint() {
        byte[] stored = read(StoreKeys.SAVEPOINT);
        return stored == null ? OptionalLong.empty() : OptionalLong.of(StoreValues.number(stored));
    }

    public OptionalLong lastConfigBlock() {
        byte[] stored = read(StoreKeys.LAST_CONFIG);
        return stored == null ? OptionalLong.empty() : OptionalLong.of(StoreValues.number(stored));
    }

    /** Applies one block in one atomic batch, savepoint included; see {@link BlockWrites}. */
    public void apply(BlockLocation location, boolean config, List<TxEffect> effects) throws IOException {
        try (WriteBatch batch = BlockWrites.batch(location, config, effects);
                WriteOptions options = new WriteOptions()) {
            db.write(options, batch);
        } catch (RocksDBException e) {
            throw new IOException("cannot apply block " + location.number() + ": " + e.getMessage(), e);
        }
    }

    /** Raw access for tools and tests that must reach below the ledger, such as tamper tests. */
    public RocksDB db() {
        return db;
    }

    private byte[] read(byte[] key) {
        try {
            return db.get(reads, key);
        } catch (RocksDBException e) {
            throw new IllegalStateException("state store read failed", e);
        }
    }

    @Override
    public void close() {
        reads.close();
        if (snapshot != null) {
            db.releaseSnapshot(snapshot);
            return;
        }
        db.close();
        options.close();
    }
}
