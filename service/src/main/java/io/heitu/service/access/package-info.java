/**
 * Read access in the service: the chaincode decides who reads which lot and event (its {@code Access}
 * rule, on every peer); this package is the one place where the service's own read models, which
 * answer from their copy of the ledger, ask it before they answer a signed-in user.
 */
package io.heitu.service.access;
