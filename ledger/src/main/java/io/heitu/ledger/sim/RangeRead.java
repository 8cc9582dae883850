package io.heitu.ledger.sim;

import java.util.List;

/**
 * A range scan as the transaction saw it, kept so that validation can detect phantoms: keys
 * inserted into or removed from the part of the range the chaincode actually consumed.
 */
public record RangeRead(String startKey, String endKey, List<KeyVersion> seen, boolean exhausted) {

    /** A key and its version (null when it did not exist) as observed during simulation. */
    public record KeyVersion(String key, Version version) {}

    public RangeRead {
        seen = List.copyOf(seen);
    }
}
