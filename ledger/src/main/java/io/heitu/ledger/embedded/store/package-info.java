/**
 * The durable ledger without the chaincode: the block file and the state store kept level with it,
 * and crash recovery.
 *
 * <p>Entry point: {@link io.heitu.ledger.embedded.store.LedgerStore}.
 */
package io.heitu.ledger.embedded.store;
