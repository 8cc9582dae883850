/**
 * Endorsement without a peer: a {@code ChaincodeStub} that simulates one transaction against
 * committed state, recording versioned reads, range scans and writes, and Fabric's MVCC and phantom
 * validation of the result. Also runs chaincode unit tests over {@link
 * io.heitu.ledger.sim.InMemoryState}.
 *
 * <p>Entry points: {@link io.heitu.ledger.sim.Simulator} and {@link
 * io.heitu.ledger.sim.InProcessChaincode} (loads the contracts as the chaincode server would).
 */
package io.heitu.ledger.sim;
