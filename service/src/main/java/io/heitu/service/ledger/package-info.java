/**
 * The ledger port: transaction names and JSON, signed by the acting user, on the embedded ledger
 * ({@code ledger.embedded}) or on Fabric ({@code ledger.fabric}). {@link
 * io.heitu.service.ledger.TraceLedger} is the only class that knows transaction names; it decodes
 * every answer into the records of {@code ledger.wire}. Failures are {@link
 * io.heitu.service.ledger.LedgerException}s by transaction step.
 *
 * <p>Entry points: {@link io.heitu.service.ledger.TraceLedger} for features, {@link
 * io.heitu.service.ledger.Ledger} for adapters.
 */
package io.heitu.service.ledger;
