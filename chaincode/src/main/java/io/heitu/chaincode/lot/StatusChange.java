package io.heitu.chaincode.lot;

/**
 * Who put a lot on hold or recalled it, why, when, and from which lot the action spread (the lot
 * itself, or an ancestor whose hold or recall reached it).
 */
public record StatusChange(String byMsp, String byRole, String reason, String at, String originLot) {}
