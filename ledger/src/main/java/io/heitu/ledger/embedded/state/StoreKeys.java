package io.heitu.ledger.embedded.state;

import io.heitu.ledger.sim.Version;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The RocksDB key layout. One column family, one leading byte per table, so that with the WAL off
 * or lost what RocksDB keeps is always a prefix of the write batches: state, history, index and
 * savepoint can never disagree about which blocks were applied.
 *
 * <ul>
 *   <li>{@code 's' key} → version and value: world state, in UTF-8 byte order as Fabric's LevelDB.
 *   <li>{@code 'h' len key ~block ~tx} → history; the version is inverted so newest comes first.
 *   <li>{@code 't' txId} → block number, index and validation code of every ordered transaction.
 *   <li>{@code 'b' number} → where a block is in the block file and its hash.
 *   <li>{@code 'p' len collection len key sha256(value)} → a private value, by content hash; written
 *       (synced) before the block that commits its hash, and not derived from blocks.
 *   <li>{@code 'm' name} → the savepoint (last applied block) and the last config block.
 * </ul>
 */
public final class StoreKeys {

    static final byte STATE = 's';
    static final byte HISTORY = 'h';
    static final byte TX = 't';
    static final byte BLOCK = 'b';
    static final byte PRIVATE = 'p';
    static final byte[] SAVEPOINT = meta("savepoint");
    static final byte[] LAST_CONFIG = meta("config");

    private StoreKeys() {}

    public static byte[] state(String key) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + utf8.length).put(STATE).put(utf8).array();
    }

    static String stateKey(byte[] stored) {
        return new String(stored, 1, stored.length - 1, StandardCharsets.UTF_8);
    }

    /** The key's length goes first so that no key's history prefix is a prefix of another key's. */
    static byte[] historyPrefix(String key) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + utf8.length)
                .put(HISTORY)
                .putInt(utf8.length)
                .put(utf8)
                .array();
    }

    public static byte[] history(String key, Version version) {
        byte[] prefix = historyPrefix(key);
        return ByteBuffer.allocate(prefix.length + 12)
                .put(prefix)
                .putLong(Long.MAX_VALUE - version.blockNumber())
                .putInt(Integer.MAX_VALUE - version.txNumber())
                .array();
    }

    static String historyKey(byte[] stored) {
        int length = ByteBuffer.wrap(stored, 1, 4).getInt();
        return new String(stored, 5, length, StandardCharsets.UTF_8);
    }

    static Version historyVersion(byte[] stored) {
        ByteBuffer tail = ByteBuffer.wrap(stored, stored.length - 12, 12);
        return new Version(Long.MAX_VALUE - tail.getLong(), Integer.MAX_VALUE - tail.getInt());
    }

    static byte[] privateValue(String collection, String key, byte[] valueHash) {
        byte[] coll = collection.getBytes(StandardCharsets.UTF_8);
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(9 + coll.length + utf8.length + valueHash.length)
                .put(PRIVATE)
                .putInt(coll.length)
                .put(coll)
                .putInt(utf8.length)
                .put(utf8)
                .put(valueHash)
                .array();
    }

    static byte[] tx(String txId) {
        byte[] utf8 = txId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + utf8.length).put(TX).put(utf8).array();
    }

    static byte[] block(long number) {
        return ByteBuffer.allocate(9).put(BLOCK).putLong(number).array();
    }

    /** The smallest key after every key starting with {@code prefix}, for bounded scans. */
    static byte[] after(byte prefix) {
        return new byte[] {(byte) (prefix + 1)};
    }

    private static byte[] meta(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + utf8.length).put((byte) 'm').put(utf8).array();
    }
}
