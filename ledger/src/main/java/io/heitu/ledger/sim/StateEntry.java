package io.heitu.ledger.sim;

/** One key of a range scan over committed state. */
public record StateEntry(String key, VersionedValue value) {}
