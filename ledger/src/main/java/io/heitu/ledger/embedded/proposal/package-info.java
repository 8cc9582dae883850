/**
 * Fabric signed proposals: built by clients, checked by the endorser before simulation (channel,
 * chaincode, transaction id, creator chaining to a trusted CA, low-S ECDSA signature) and again by
 * verify at each block's commit time.
 *
 * <p>Entry points: {@link io.heitu.ledger.embedded.proposal.Proposals} (client side), {@link
 * io.heitu.ledger.embedded.proposal.ProposalChecker} (peer side).
 */
package io.heitu.ledger.embedded.proposal;
