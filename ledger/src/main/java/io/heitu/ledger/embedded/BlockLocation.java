package io.heitu.ledger.embedded;

/** Where a block's record is in the block file ({@code length} includes the record header). */
record BlockLocation(long number, long offset, int length, long committedAtMillis, byte[] hash) {

    long end() {
        return offset + length;
    }
}
