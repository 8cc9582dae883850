/**
 * World state, key history and the transaction and block indexes in RocksDB, derived from the
 * blocks and rebuilt from them after a crash.
 *
 * <p>Entry point: {@link io.heitu.ledger.embedded.state.StateStore}; {@link
 * io.heitu.ledger.embedded.state.StoreKeys} documents the key layout.
 */
package io.heitu.ledger.embedded.state;
