/**
 * The ledger port on a Fabric network through the Fabric Gateway: a gateway per user, reused gRPC
 * channels per peer, the network's CAs adopted as an identity seed, chaincode events followed by
 * checkpoint, blocks read through {@code qscc} for proofs and verification.
 *
 * <p>Entry point: {@code FabricLedgerAdapter} (package-private, a Spring component, with {@code
 * heitu.ledger.mode=fabric}).
 */
package io.heitu.service.ledger.fabric;
