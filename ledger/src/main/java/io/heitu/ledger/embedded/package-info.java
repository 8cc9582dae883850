/**
 * The embedded ledger: Fabric's transaction flow on one machine, for development, tests and
 * single-node deployments.
 *
 * <p>Clients build proposals with {@link io.heitu.ledger.embedded.Proposals} and hand them to
 * {@link io.heitu.ledger.embedded.EmbeddedLedger}: {@code submit} to commit, {@code evaluate} to
 * query, {@code subscribe} for chaincode events, {@code locate} and {@code verify} for proofs. The
 * same signed proposals would be accepted by a Fabric peer. {@link
 * io.heitu.ledger.embedded.VerifyCommand} checks a data directory from the command line.
 *
 * <p>A data directory holds {@code blocks.dat}, the hash-chained blocks (the source of truth), and
 * {@code state/}, a RocksDB database of world state, key history and indexes derived from them.
 */
package io.heitu.ledger.embedded;
