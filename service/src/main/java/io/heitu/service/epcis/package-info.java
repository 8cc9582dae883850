/**
 * GS1 EPCIS 2.0 as GS1's REST bindings define it: capture (JSON, JSON-LD or XML, validated against
 * GS1's schemas, one ledger transaction per document) and query from a read model in H2 that
 * follows the ledger's chaincode events. EPCIS events are open JSON-LD documents; the read model
 * keeps and serves them as the ledger holds them, partners' eventIDs beside the CBV 2.0 hash.
 *
 * <p>Entry points: {@link io.heitu.service.epcis.CaptureController}, {@link
 * io.heitu.service.epcis.EventsController} and {@link io.heitu.service.epcis.DiscoveryController};
 * every request first passes {@link io.heitu.service.epcis.EpcisRequestFilter} (GS1 headers,
 * version negotiation, limits). The read model is {@link io.heitu.service.epcis.EventStore}, fed by
 * {@link io.heitu.service.epcis.EventFeed}. Queries are {@code query}, named queries and
 * subscriptions {@code subscription}, the XML binding {@code xml}.
 */
package io.heitu.service.epcis;
