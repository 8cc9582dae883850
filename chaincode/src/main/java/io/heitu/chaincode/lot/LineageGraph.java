package io.heitu.chaincode.lot;

import io.heitu.chaincode.epcis.Quantity;
import java.util.List;

/**
 * A page of a lot's lineage: lots in breadth-first order from the root (depth 0) and the edges
 * that reach them. {@code nextOffset} continues the same traversal; it is absent on the last page.
 */
public record LineageGraph(
        String root, String direction, List<Node> nodes, List<Edge> edges, boolean truncated, Integer nextOffset) {

    public LineageGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * A lot in the graph with what a trace report needs about it: who made it, when and how much,
     * and who holds how much of it now or has it in transit. A lot the ledger knows only from
     * captured EPCIS events of other systems has the status {@code unverified} and nothing more.
     */
    public record Node(
            String lot,
            String gtin,
            String lotCode,
            int depth,
            String status,
            String producerMsp,
            String locationId,
            LotOrigin origin,
            Quantity quantity,
            String eventTime,
            List<Holding> holdings,
            List<Transit> inTransit) {

        public Node {
            holdings = holdings == null ? null : List.copyOf(holdings);
            inTransit = inTransit == null ? null : List.copyOf(inTransit);
        }
    }
}
