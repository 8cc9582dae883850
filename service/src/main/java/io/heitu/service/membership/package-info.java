/**
 * The membership port: which organisations' CAs the ledger trusts and how it learns of a new one
 * ({@link io.heitu.service.membership.Membership}, {@link
 * io.heitu.service.membership.MembershipChanged}), and the start-up step that seeds identities
 * before the ledger opens ({@link io.heitu.service.membership.IdentitySeeding}). Implemented by
 * {@code identity.Identities}; used by the ledger adapters, which so need nothing else of identity.
 *
 * <p>Entry point: {@link io.heitu.service.membership.Membership}.
 */
package io.heitu.service.membership;
