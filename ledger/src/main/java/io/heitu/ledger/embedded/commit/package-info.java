/**
 * A transaction from endorsement to durable commit: the endorser simulates it on the caller's
 * thread, the single committer orders endorsed transactions into blocks, validates them (MVCC and
 * phantoms) and answers each client only after its block is forced to disk.
 *
 * <p>Entry points: {@link io.heitu.ledger.embedded.commit.Endorser} and {@link
 * io.heitu.ledger.embedded.commit.Committer}; results are {@link
 * io.heitu.ledger.embedded.commit.TxResult}.
 */
package io.heitu.ledger.embedded.commit;
