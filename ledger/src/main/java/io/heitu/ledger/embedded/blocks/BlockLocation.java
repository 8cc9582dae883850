package io.heitu.ledger.embedded.blocks;

/** Where a block's record is in the block file ({@code length} includes the record header). */
public record BlockLocation(long number, long offset, int length, long committedAtMillis, byte[] hash) {

    public long end() {
        return offset + length;
    }
}
