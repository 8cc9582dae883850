package io.heitu.ledger.sim;

/**
 * A private value a transaction writes to a collection. It never goes into a block: the block holds
 * its hashed form ({@link PrivateKeys#hashWrite}), and the value goes to the private store, which
 * keeps it by content hash.
 */
public record PrivateWrite(String collection, String key, byte[] value) {

    public byte[] valueHash() {
        return PrivateKeys.sha256(value);
    }
}
