/**
 * The embedded ledger: Fabric's transaction flow on one machine, for development, tests and
 * single-node deployments.
 *
 * <p>Clients build proposals with {@link io.heitu.ledger.embedded.proposal.Proposals} and hand them to
 * {@link io.heitu.ledger.embedded.EmbeddedLedger}: {@code submit} to commit, {@code evaluate} to
 * query, {@code subscribe} for chaincode events, {@code locate} and {@code verify} for proofs. The
 * same signed proposals would be accepted by a Fabric peer. {@link
 * io.heitu.ledger.embedded.verify.VerifyCommand} checks a data directory from the command line.
 *
 * <p>Entry point: {@link io.heitu.ledger.embedded.EmbeddedLedger}. Inside, one sub-package per
 * concern, each depending only on those below it: {@code blocks} (the block file), {@code state}
 * (RocksDB world state and indexes), {@code store} (both kept level, recovery), {@code proposal}
 * (signed proposals and their checks), {@code commit} (endorse, order, validate, commit) and
 * {@code verify}.
 *
 * <p>A data directory holds {@code blocks.dat}, the hash-chained blocks (the source of truth), and
 * {@code state/}, a RocksDB database of world state, key history and indexes derived from them.
 */
package io.heitu.ledger.embedded;
