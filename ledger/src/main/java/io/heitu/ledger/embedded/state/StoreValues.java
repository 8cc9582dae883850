package io.heitu.ledger.embedded.state;

import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.sim.KeyMod;
import io.heitu.ledger.sim.Version;
import io.heitu.ledger.sim.VersionedValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/** Fixed-layout encodings of the values the state store keeps; see {@link StoreKeys}. */
public final class StoreValues {

    private StoreValues() {}

    public static byte[] state(Version version, byte[] value) {
        return ByteBuffer.allocate(12 + value.length)
                .putLong(version.blockNumber())
                .putInt(version.txNumber())
                .put(value)
                .array();
    }

    public static VersionedValue state(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        Version version = new Version(in.getLong(), in.getInt());
        return new VersionedValue(Arrays.copyOfRange(stored, 12, stored.length), version);
    }

    /** A history entry: deleted flag, the transaction's timestamp and id, then the value. */
    static byte[] history(KeyMod mod) {
        byte[] txId = mod.txId().getBytes(StandardCharsets.UTF_8);
        byte[] value = mod.value() == null ? new byte[0] : mod.value();
        return ByteBuffer.allocate(1 + 8 + 4 + 4 + txId.length + value.length)
                .put((byte) (mod.deleted() ? 1 : 0))
                .putLong(mod.timestamp().getEpochSecond())
                .putInt(mod.timestamp().getNano())
                .putInt(txId.length)
                .put(txId)
                .put(value)
                .array();
    }

    static KeyMod history(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        boolean deleted = in.get() == 1;
        Instant timestamp = Instant.ofEpochSecond(in.getLong(), in.getInt());
        byte[] txId = new byte[in.getInt()];
        in.get(txId);
        byte[] value = new byte[in.remaining()];
        in.get(value);
        return new KeyMod(new String(txId, StandardCharsets.UTF_8), deleted ? null : value, timestamp, deleted);
    }

    static byte[] tx(TxIndexEntry entry) {
        return ByteBuffer.allocate(16)
                .putLong(entry.blockNumber())
                .putInt(entry.txIndex())
                .putInt(entry.validationCode())
                .array();
    }

    static TxIndexEntry tx(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        return new TxIndexEntry(in.getLong(), in.getInt(), in.getInt());
    }

    static byte[] block(BlockLocation location) {
        return ByteBuffer.allocate(8 + 4 + 8 + Hashes.SHA256_LENGTH)
                .putLong(location.offset())
                .putInt(location.length())
                .putLong(location.committedAtMillis())
                .put(location.hash())
                .array();
    }

    static BlockLocation block(long number, byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(stored);
        long offset = in.getLong();
        int length = in.getInt();
        long committedAt = in.getLong();
        byte[] hash = new byte[Hashes.SHA256_LENGTH];
        in.get(hash);
        return new BlockLocation(number, offset, length, committedAt, hash);
    }

    static byte[] number(long number) {
        return ByteBuffer.allocate(8).putLong(number).array();
    }

    static long number(byte[] stored) {
        return ByteBuffer.wrap(stored).getLong();
    }
}
