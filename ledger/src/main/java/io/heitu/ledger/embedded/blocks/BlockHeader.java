package io.heitu.ledger.embedded.blocks;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * What the block hash covers: the number, the commit time, the previous block's hash and the hash
 * of the block's data. The data is hashed separately, as in Fabric, so the chain can be checked
 * from headers alone.
 */
public record BlockHeader(long number, long committedAtMillis, byte[] previousHash, byte[] dataHash) {

    static final int ENCODED_LENGTH = 8 + 8 + Hashes.SHA256_LENGTH + Hashes.SHA256_LENGTH;

    public BlockHeader {
        if (previousHash.length != Hashes.SHA256_LENGTH || dataHash.length != Hashes.SHA256_LENGTH) {
            throw new IllegalArgumentException("hashes must be SHA-256");
        }
    }

    /** Fixed-width big-endian fields: one canonical encoding, nothing to normalise. */
    byte[] encode() {
        return ByteBuffer.allocate(ENCODED_LENGTH)
                .putLong(number)
                .putLong(committedAtMillis)
                .put(previousHash)
                .put(dataHash)
                .array();
    }

    static BlockHeader decode(ByteBuffer buffer) {
        long number = buffer.getLong();
        long committedAt = buffer.getLong();
        byte[] previous = new byte[Hashes.SHA256_LENGTH];
        byte[] data = new byte[Hashes.SHA256_LENGTH];
        buffer.get(previous).get(data);
        return new BlockHeader(number, committedAt, previous, data);
    }

    public byte[] hash() {
        return Hashes.sha256(encode());
    }

    public Instant committedAt() {
        return Instant.ofEpochMilli(committedAtMillis);
    }
}
