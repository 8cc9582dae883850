package io.heitu.ledger.sim;

import org.hyperledger.fabric.shim.ledger.KeyModification;

/**
 * Read access to committed world state, as a peer's state database offers it to the simulator.
 *
 * <p>Keys are ordered by their UTF-8 bytes (as in LevelDB and RocksDB), not by Java's UTF-16 order.
 */
public interface StateView {

    /** The committed value of a key, or {@code null} when the key does not exist. */
    VersionedValue get(String key);

    /** Committed keys in {@code [startInclusive, endExclusive)}; an empty end means no upper bound. */
    CloseableIterator<StateEntry> range(String startInclusive, String endExclusive);

    /** Every committed modification of a key, newest first (as Fabric 2.x returns them). */
    CloseableIterator<KeyModification> history(String key);

    /**
     * A private value by its collection, key and SHA-256, from the private store, or {@code null} when
     * this node does not hold it. Values are kept by content hash, so a value whose transaction never
     * committed can never be mistaken for the committed one.
     */
    default byte[] privateValue(String collection, String key, byte[] valueHash) {
        return null;
    }
}
