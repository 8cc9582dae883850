/**
 * Blocks as they lie on disk: the append-only, hash-chained block file, block headers, channel
 * configuration blocks and the transactions a block stores (signed proposal, read/write set,
 * response, event, validation code).
 *
 * <p>Entry point: {@link io.heitu.ledger.embedded.blocks.BlockFile}; {@link
 * io.heitu.ledger.embedded.blocks.Block} encodes what it holds.
 */
package io.heitu.ledger.embedded.blocks;
