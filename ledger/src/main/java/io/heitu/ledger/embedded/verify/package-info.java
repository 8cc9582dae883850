/**
 * Recomputing a ledger from its block file alone: checksums, hashes, the chain, every signature and
 * creator, the indexes, and the state derived from them; the first bad block is named.
 *
 * <p>Entry points: {@link io.heitu.ledger.embedded.verify.Verifier} (in process) and {@link
 * io.heitu.ledger.embedded.verify.VerifyCommand} (a stopped ledger, from the command line).
 */
package io.heitu.ledger.embedded.verify;
