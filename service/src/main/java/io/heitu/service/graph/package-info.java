/**
 * The lineage graph read model: every lot, the edges between them with quantities, holders and
 * own holds and recalls, in memory, following the ledger's chaincode events; lineage pages, an
 * organisation's lots and the lots under hold or recall answered from it, each with the block
 * it reflects. The chaincode stays the judge of every rule.
 *
 * <p>Entry points: {@link io.heitu.service.graph.GraphController} (REST), {@link
 * io.heitu.service.graph.GraphFeed} (following, snapshots, rebuild), {@link
 * io.heitu.service.graph.GraphLineages} (what other features ask).
 */
package io.heitu.service.graph;
