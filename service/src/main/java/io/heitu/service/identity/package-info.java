/**
 * Users and their keys: organisations' CAs and users' certificates (keys encrypted at rest by {@link
 * io.heitu.service.identity.KeyVault}), sign-in, API tokens, and the signed-in user whose key signs
 * each transaction. Seen by the ledger adapters only as the {@code membership} port.
 *
 * <p>Entry point: {@link io.heitu.service.identity.Identities}; the request's user is {@link
 * io.heitu.service.identity.CurrentUser}.
 */
package io.heitu.service.identity;
