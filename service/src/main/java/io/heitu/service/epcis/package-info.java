/**
 * GS1 EPCIS 2.0: capture (validated against GS1's schema, captured in ledger transactions) and
 * query from a read model in H2 that follows the ledger's chaincode events. EPCIS events are open
 * JSON-LD documents; the read model keeps and serves them as the ledger holds them.
 *
 * <p>Entry point: {@link io.heitu.service.epcis.EpcisController}; the read model is {@link
 * io.heitu.service.epcis.EventStore}, fed by {@link io.heitu.service.epcis.EventFeed}.
 */
package io.heitu.service.epcis;
