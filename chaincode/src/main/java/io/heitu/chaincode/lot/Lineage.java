package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parent → child links between lots made by transformations, splits and merges, stored in both
 * directions so that backward (sources) and forward (destinations) traces are range scans.
 * Traversals are breadth-first in key order, cycle-safe and bounded; they serve lineage queries
 * only. Holds and recalls never traverse: they are resolved through each lot's {@link Ancestry}.
 */
public final class Lineage {

    static final String TYPE = "lineage";
    static final String DOWN = "down";
    static final String UP = "up";

    /** Most lots a traversal visits: bounds every recall and every lineage query. */
    public static final int MAX_LOTS = 100_000;

    /** Edges of one lot read at a time: as many as a traversal may visit lots. */
    private static final int MAX_EDGES = MAX_LOTS;

    private Lineage() {}

    public static void link(Tx tx, LotRef parent, LotRef child, Edge edge) {
        tx.put(tx.key(TYPE, DOWN, parent.gtin(), parent.lotCode(), child.gtin(), child.lotCode()), edge);
        tx.put(tx.key(TYPE, UP, child.gtin(), child.lotCode(), parent.gtin(), parent.lotCode()), edge);
    }

    /**
     * A page of the lineage graph. {@code direction} is {@code backward} (sources) or {@code forward}
     * (destinations); pages cut the same breadth-first order at {@code offset}.
     */
    static LineageGraph graph(Tx tx, LotRef root, String direction, int maxDepth, int pageSize, int offset) {
        String way = switch (direction) {
            case "backward" -> UP;
            case "forward" -> DOWN;
            default -> throw Texts.invalid("direction must be backward or forward");
        };
        List<LineageGraph.Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        int[] position = {0};
        Standing.Resolver standings = new Standing.Resolver(tx);
        Access access = Access.of(tx);
        traverse(tx, root, way, maxDepth, (ref, depth, reachedBy) -> {
            int index = position[0]++;
            if (index >= offset && index < offset + pageSize) {
                nodes.add(node(tx, ref, depth, standings, access));
                reachedBy.forEach(row -> edges.add(row.as(Edge.class)));
            }
        });
        boolean more = position[0] > offset + pageSize;
        return new LineageGraph(root.epcClass(), direction, nodes, edges, more, more ? offset + pageSize : null);
    }

    /** Edges arrive as stored rows: decoding them is most of a traversal, and only a page needs them. */
    private interface Visitor {
        void visit(LotRef ref, int depth, List<Row> reachedBy);
    }

    private static void traverse(Tx tx, LotRef root, String way, int maxDepth, Visitor visitor) {
        Set<LotRef> seen = new HashSet<>(List.of(root));
        Map<LotRef, List<Row>> pending = new HashMap<>();
        List<LotRef> level = List.of(root);
        for (int depth = 0; !level.isEmpty(); depth++) {
            List<LotRef> next = new ArrayList<>();
            for (LotRef ref : level) {
                List<Row> reachedBy = pending.remove(ref);
                visitor.visit(ref, depth, reachedBy == null ? List.of() : reachedBy);
                if (depth == maxDepth) {
                    continue;
                }
                for (Row row : tx.scan(MAX_EDGES, TYPE, way, ref.gtin(), ref.lotCode())) {
                    LotRef neighbour = new LotRef(row.attribute(3), row.attribute(4));
                    if (seen.add(neighbour)) {
                        if (seen.size() > MAX_LOTS) {
                            throw new TraceException(
                                    ErrorCode.LIMIT_EXCEEDED,
                                    "lineage of " + root + " reaches more than " + MAX_LOTS + " lots");
                        }
                        next.add(neighbour);
                        pending.put(neighbour, new ArrayList<>());
                    }
                    List<Row> edges = pending.get(neighbour);
                    if (edges != null) {
                        edges.add(row);
                    }
                }
            }
            level = next;
        }
    }

    /** The status of a lot the ledger knows only from captured events of other systems. */
    public static final String UNVERIFIED = "unverified";

    /** A lot of the lineage the caller may not read: where it sits in the graph, nothing more. */
    public static final String RESTRICTED = "restricted";

    /**
     * A lot of the graph, with its standing resolved through its own ancestry (not only the graph's),
     * and only the caller's own quantities unless it reads everything.
     */
    private static LineageGraph.Node node(Tx tx, LotRef ref, int depth, Standing.Resolver standings, Access access) {
        if (!access.sees(ref)) {
            return new LineageGraph.Node(
                    ref.epcClass(),
                    ref.gtin(),
                    ref.lotCode(),
                    depth,
                    RESTRICTED,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        var found = Lots.find(tx, ref);
        if (found.isEmpty()) {
            return new LineageGraph.Node(
                    ref.epcClass(),
                    ref.gtin(),
                    ref.lotCode(),
                    depth,
                    UNVERIFIED,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        Lot lot = found.get();
        Provenance p = lot.provenance();
        return new LineageGraph.Node(
                ref.epcClass(),
                ref.gtin(),
                ref.lotCode(),
                depth,
                standings.standing(lot).word(),
                p.producerMsp(),
                p.locationId(),
                p.origin(),
                p.quantity(),
                p.eventTime(),
                access.ownHoldings(Lots.holdings(tx, ref)),
                access.ownTransits(Lots.transits(tx, ref)));
    }
}
