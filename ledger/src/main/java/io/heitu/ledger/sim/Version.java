package io.heitu.ledger.sim;

/** Where a value was committed: block number and position of the transaction within the block. */
public record Version(long blockNumber, int txNumber) implements Comparable<Version> {

    @Override
    public int compareTo(Version other) {
        int byBlock = Long.compare(blockNumber, other.blockNumber);
        return byBlock != 0 ? byBlock : Integer.compare(txNumber, other.txNumber);
    }
}
