/**
 * The default ledger: the chaincode in this JVM on the durable embedded ledger (module {@code
 * ledger}). The only code of the service that needs the embedded ledger and RocksDB; a build for
 * Fabric alone ({@code -Dfabric-only}) leaves this package out.
 *
 * <p>Entry point: {@code EmbeddedLedgerAdapter} (package-private, a Spring component).
 */
package io.heitu.service.ledger.embedded;
