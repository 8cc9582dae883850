package io.heitu.chaincode.terms;

/**
 * Answer of {@code terms:Record} and {@code terms:Verify}: the hash on the channel and, for a
 * verification, whether the terms offered are the ones recorded. Never the terms themselves.
 */
public record TermsProof(String shipmentEventId, String collection, String hash, Boolean matches) {}
