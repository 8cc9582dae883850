package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of {@code lot:Lineage}: the lots reached from {@code root} in one direction with their
 * holdings, and the transformation edges between them. {@code nextOffset} is set while more pages
 * follow.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LineageGraph(
        String root, String direction, List<Node> nodes, List<Edge> edges, boolean truncated, Integer nextOffset) {

    public LineageGraph {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    /** This page followed by {@code next}: every node and edge of both, and {@code next}'s paging. */
    public LineageGraph and(LineageGraph next) {
        List<Node> allNodes = new ArrayList<>(nodes);
        allNodes.addAll(next.nodes());
        List<Edge> allEdges = new ArrayList<>(edges);
        allEdges.addAll(next.edges());
        return new LineageGraph(root, direction, allNodes, allEdges, next.truncated(), next.nextOffset());
    }

    /** A lot of the graph: depth 0 is the root; {@code lot} is its EPC class URI. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Node(
            String lot,
            String gtin,
            String lotCode,
            int depth,
            LotState status,
            String producerMsp,
            String locationId,
            String origin,
            Quantity quantity,
            String eventTime,
            List<LotView.Holding> holdings,
            List<LotView.Transit> inTransit) {

        public Node {
            holdings = holdings == null ? List.of() : List.copyOf(holdings);
            inTransit = inTransit == null ? List.of() : List.copyOf(inTransit);
        }

        /** Whether the lot was harvested or slaughtered: where a product's story begins. */
        public boolean grown() {
            return "harvest".equals(origin) || "slaughter".equals(origin);
        }
    }

    /** A transformation from {@code parent} to {@code child} (EPC class URIs). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Edge(
            String parent,
            String child,
            String eventId,
            String kind,
            String at,
            Quantity consumed,
            Quantity produced) {}
}
