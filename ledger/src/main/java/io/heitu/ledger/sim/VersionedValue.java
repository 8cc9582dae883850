package io.heitu.ledger.sim;

/** A committed value and the version that wrote it. */
public record VersionedValue(byte[] value, Version version) {}
