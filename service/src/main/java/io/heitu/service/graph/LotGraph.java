package io.heitu.service.graph;

import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotState;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The lineage graph of every lot on the ledger, in memory, as of one block ({@link #height}).
 *
 * <p>Lots are numbered densely; each lot's parents and children are primitive {@code int} arrays
 * kept sorted by (GTIN, lot code), the order of the chaincode's composite keys, so a breadth-first
 * walk visits lots in exactly the order {@code lot:Lineage} does and pages cut at the same places.
 * Hand-written rather than a graph library: the walk must mirror the chaincode's own (which edges
 * it reports, in which order), the graph only grows, and two {@code int[]} per lot are smaller than
 * any boxed adjacency. Repeated words (organisations, units, GTINs, kinds) are interned.
 *
 * <p>Standing (active, on hold, recalled) is resolved as the chaincode resolves it: a lot's own
 * holds and recall and those of every known lot it was made from, at question time, so a hold on
 * a paddy lot changes no other lot here either. One writer (the feed), many readers.
 */
final class LotGraph {

    private static final int HELD = 1;
    private static final int RECALLED = 2;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * Lot numbers by (GTIN, lot code): open addressing over the lots' own arrays, {@code number + 1}
     * per slot, 0 for empty. No key objects: a map keyed by the EPC class URI kept a 100-character
     * string, a node and a boxed number per lot, about 190 bytes (measured by the scale bench).
     */
    private int[] slots = new int[2048];

    private final Map<String, String> words = new HashMap<>();
    /** Quantities repeat (every lot of a split, both ends of its edges): one object per value. */
    private final Map<Quantity, Quantity> amounts = new HashMap<>();

    private int size;
    private String[] gtins = new String[1024];
    private String[] lotCodes = new String[1024];
    private Detail[] details = new Detail[1024];
    private byte[] own = new byte[1024];
    private int[][] parents = new int[1024][];
    private EdgeFacts[][] parentEdges = new EdgeFacts[1024][];
    private int[][] children = new int[1024][];
    private int edges;
    private volatile long height;
    /** Per organisation, the lots it holds some of now (by number: creation order). */
    private final Map<String, java.util.BitSet> holders = new HashMap<>();
    /** Per organisation, the lots it made (their producer never changes). */
    private final Map<String, java.util.BitSet> producers = new HashMap<>();
    /**
     * Per lot, when the ledger last said something of it: the block, shifted left by {@link #PLACES},
     * plus the lot's place among the lots that block named (0 for a lot known only as an end of an
     * edge). "My lots" lists the lots with something new first; no two lots tie, and a rebuild from
     * block 0 gives every lot the same value again.
     */
    private long[] touched = new long[1024];

    private static final int PLACES = 24;
    /** The greatest of {@link #touched}. */
    private long touches;
    /** Lots with a lab result: the regulator's inspection queue lists the others. */
    private final java.util.BitSet inspected = new java.util.BitSet();
    /** Lots carrying a hold or a recall of their own: the regulator's overview. */
    private final java.util.BitSet flagged = new java.util.BitSet();

    /** What a known lot carries beside its place in the graph. */
    record Detail(
            String producerMsp,
            String locationId,
            String origin,
            Quantity quantity,
            String eventTime,
            List<String> holds,
            List<LotView.Holding> holdings,
            List<LotView.Transit> inTransit) {}

    /** An edge as kept: its words interned, its ends by number. */
    record EdgeFacts(String eventId, String kind, String at, Quantity consumed, Quantity produced) {}

    long height() {
        return height;
    }

    void height(long block) {
        height = block;
    }

    int lots() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    int edges() {
        lock.readLock().lock();
        try {
            return edges;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Takes in what the ledger says of these lots now (their parents replace what was known). */
    void apply(List<LotFacts> facts) {
        apply(facts, (touches >>> PLACES) + 1);
    }

    /** Takes in what the ledger says of these lots as of {@code block}, in the order its events named them. */
    void apply(List<LotFacts> facts, long block) {
        lock.writeLock().lock();
        try {
            long first = block << PLACES;
            long last = first + (1L << PLACES) - 1;
            for (int i = 0; i < facts.size(); i++) {
                // Not touched[applyOne(…)]: Java takes the array before the index, and applyOne may grow it.
                int lot = applyOne(facts.get(i));
                touched[lot] = Math.min(first + i, last);
            }
            touches = Math.max(touches, facts.isEmpty() ? touches : Math.min(first + facts.size() - 1, last));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Loads lots as a snapshot stored them, each with when it was last said something of. */
    void restore(List<LotFacts> facts, long[] when) {
        lock.writeLock().lock();
        try {
            for (int i = 0; i < facts.size(); i++) {
                int lot = applyOne(facts.get(i));
                touched[lot] = when[i];
                touches = Math.max(touches, when[i]);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int applyOne(LotFacts facts) {
        int id = id(facts.gtin(), facts.lotCode());
        if (facts.known()) {
            Detail before = details[id];
            if (before != null) {
                for (LotView.Holding holding : before.holdings()) {
                    java.util.BitSet held = holders.get(holding.mspId());
                    if (held != null) {
                        held.clear(id);
                    }
                }
            }
            details[id] = new Detail(
                    word(facts.producerMsp()),
                    word(facts.locationId()),
                    word(facts.origin()),
                    quantity(facts.quantity()),
                    word(facts.eventTime()),
                    facts.holds().isEmpty() ? List.of() : facts.holds(),
                    facts.holdings().stream()
                            .map(h -> new LotView.Holding(word(h.mspId()), quantity(h.quantity())))
                            .toList(),
                    facts.inTransit());
            if (before != null && before.producerMsp() != null) {
                java.util.BitSet made = producers.get(before.producerMsp());
                if (made != null) {
                    made.clear(id);
                }
            }
            if (facts.producerMsp() != null) {
                producers
                        .computeIfAbsent(facts.producerMsp(), msp -> new java.util.BitSet())
                        .set(id);
            }
            own[id] = (byte) ((facts.holds().isEmpty() ? 0 : HELD) | (facts.recalled() ? RECALLED : 0));
            inspected.set(id, facts.inspected());
            flagged.set(id, own[id] != 0);
            for (LotView.Holding holding : details[id].holdings()) {
                if (held(holding.quantity())) {
                    holders.computeIfAbsent(holding.mspId(), msp -> new java.util.BitSet())
                            .set(id);
                }
            }
        }
        for (LineageGraph.Edge edge : facts.parents()) {
            Optional<LotClass> parentClass = LotClass.of(edge.parent());
            if (parentClass.isEmpty()) {
                continue;
            }
            int parent = id(parentClass.get().gtin(), parentClass.get().lotCode());
            // An event's id and time are shared by all the edges it made (a split's hundred outputs).
            EdgeFacts kept = new EdgeFacts(
                    word(edge.eventId()),
                    word(edge.kind()),
                    word(edge.at()),
                    quantity(edge.consumed()),
                    quantity(edge.produced()));
            link(parent, id, kept);
        }
        return id;
    }

    private void link(int parent, int child, EdgeFacts edge) {
        int at = find(parents[child], parent);
        if (at >= 0) {
            parentEdges[child][at] = edge;
            return;
        }
        int slot = -at - 1;
        parents[child] = inserted(parents[child], slot, parent);
        EdgeFacts[] old = parentEdges[child] == null ? new EdgeFacts[0] : parentEdges[child];
        EdgeFacts[] more = new EdgeFacts[old.length + 1];
        System.arraycopy(old, 0, more, 0, slot);
        more[slot] = edge;
        System.arraycopy(old, slot, more, slot + 1, old.length - slot);
        parentEdges[child] = more;
        int down = find(children[parent], child);
        if (down < 0) {
            children[parent] = inserted(children[parent], -down - 1, child);
        }
        edges++;
    }

    /** Where {@code lot} is in a sorted neighbour array, or {@code -(insertion point) - 1}. */
    private int find(int[] neighbours, int lot) {
        if (neighbours == null) {
            return -1;
        }
        int low = 0;
        int high = neighbours.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = compare(neighbours[mid], lot);
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** The chaincode's key order: GTIN, then lot code. */
    private int compare(int a, int b) {
        int byGtin = gtins[a].compareTo(gtins[b]);
        return byGtin != 0 ? byGtin : lotCodes[a].compareTo(lotCodes[b]);
    }

    private static int[] inserted(int[] array, int slot, int value) {
        int[] old = array == null ? new int[0] : array;
        int[] more = new int[old.length + 1];
        System.arraycopy(old, 0, more, 0, slot);
        more[slot] = value;
        System.arraycopy(old, slot, more, slot + 1, old.length - slot);
        return more;
    }

    private int id(String gtin, String lotCode) {
        int known = find(gtin, lotCode);
        if (known >= 0) {
            return known;
        }
        if (size == gtins.length) {
            int capacity = size * 2;
            gtins = Arrays.copyOf(gtins, capacity);
            lotCodes = Arrays.copyOf(lotCodes, capacity);
            details = Arrays.copyOf(details, capacity);
            own = Arrays.copyOf(own, capacity);
            parents = Arrays.copyOf(parents, capacity);
            parentEdges = Arrays.copyOf(parentEdges, capacity);
            children = Arrays.copyOf(children, capacity);
            touched = Arrays.copyOf(touched, capacity);
        }
        int id = size++;
        gtins[id] = word(gtin);
        lotCodes[id] = lotCode;
        index(id);
        return id;
    }

    /** The lot's number, or -1 when the graph does not know it. */
    private int find(String gtin, String lotCode) {
        int mask = slots.length - 1;
        for (int slot = spread(gtin, lotCode) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int lot = slots[slot] - 1;
            if (lotCodes[lot].equals(lotCode) && gtins[lot].equals(gtin)) {
                return lot;
            }
        }
        return -1;
    }

    private int lookup(String epcClass) {
        Optional<LotClass> lot = LotClass.of(epcClass);
        return lot.isEmpty() ? -1 : find(lot.get().gtin(), lot.get().lotCode());
    }

    private void index(int lot) {
        if (2 * size > slots.length) {
            int[] old = slots;
            slots = new int[old.length * 2];
            for (int entry : old) {
                if (entry != 0) {
                    place(entry - 1);
                }
            }
        }
        place(lot);
    }

    private void place(int lot) {
        int mask = slots.length - 1;
        int slot = spread(gtins[lot], lotCodes[lot]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = lot + 1;
    }

    private static int spread(String gtin, String lotCode) {
        int hash = gtin.hashCode() * 31 + lotCode.hashCode();
        return hash ^ (hash >>> 16);
    }

    private String word(String value) {
        return value == null ? null : words.computeIfAbsent(value, v -> v);
    }

    private Quantity quantity(Quantity quantity) {
        return quantity == null
                ? null
                : amounts.computeIfAbsent(new Quantity(quantity.value(), word(quantity.uom())), q -> q);
    }

    /** Whether the ledger has this lot (not only as an end of a captured edge). */
    boolean known(String epcClass) {
        lock.readLock().lock();
        try {
            int id = lookup(epcClass);
            return id >= 0 && details[id] != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A page of the lineage, as {@code lot:Lineage} would answer it: breadth-first from the root in
     * key order, each lot with the edges that first reached it from the level before (or from its
     * own level, when the lot was still waiting there).
     */
    LineageGraph lineage(String root, boolean forward, int maxDepth, int pageSize, int offset) {
        lock.readLock().lock();
        try {
            int rootId = lookup(root);
            if (rootId < 0) {
                return null;
            }
            LineagePage page = walk(rootId, forward, maxDepth, pageSize, offset);
            LotMarks standing = new LotMarks();
            List<LineageGraph.Node> nodes = new ArrayList<>(page.lots().length);
            for (int i = 0; i < page.lots().length; i++) {
                nodes.add(node(page.lots()[i], page.depths()[i], standing));
            }
            List<LineageGraph.Edge> found = new ArrayList<>(page.edgeCount());
            for (int i = 0; i < page.edgeCount(); i++) {
                found.add(edge(page.edges()[2 * i], page.edges()[2 * i + 1]));
            }
            return new LineageGraph(
                    root,
                    forward ? "forward" : "backward",
                    nodes,
                    found,
                    page.more(),
                    page.more() ? offset + pageSize : null);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The same page as {@link #lineage}, written straight to JSON bytes (the mapper's own bytes for
     * that page, without a record per lot and edge), or in the compact shape ({@link LineageCompactJson}) when asked; null for a lot the graph does not have. Written
     * under the read lock into memory, so the feed waits for no client.
     */
    byte[] lineageJson(
            String root,
            boolean forward,
            int maxDepth,
            int pageSize,
            int offset,
            boolean compact,
            tools.jackson.databind.json.JsonMapper json) {
        lock.readLock().lock();
        try {
            int rootId = lookup(root);
            if (rootId < 0) {
                return null;
            }
            LineagePage page = walk(rootId, forward, maxDepth, pageSize, offset);
            Integer next = page.more() ? offset + pageSize : null;
            return compact
                    ? LineageCompactJson.write(this, root, forward, page, next, json)
                    : LineageJson.write(this, root, forward, page, next, json);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The lots of one page in walk order with their depths, and the edges that reached them as
     * (parent, child) pairs in the order {@code lot:Lineage} lists them.
     */
    record LineagePage(int[] lots, int[] depths, int[] edges, int edgeCount, boolean more) {}

    /**
     * The breadth-first walk. Only lots inside the page keep the edges that reach them: a lot's
     * place in the walk is known when it is first seen (the level before it, then its rank in its
     * own level), so lots outside the page cost a bit and a slot, not a list.
     */
    private LineagePage walk(int rootId, boolean forward, int maxDepth, int pageSize, int offset) {
        int[][] way = forward ? children : parents;
        long end = (long) offset + pageSize;
        int window = (int) Math.min(pageSize, size);
        int[] pageLots = new int[Math.min(window, 1024)];
        int[] pageDepths = new int[pageLots.length];
        int pageCount = 0;
        // Per slot of the page (position - offset): a list of reaching lots, oldest first.
        int[] head = new int[Math.min(window, 1024)];
        int[] tail = new int[head.length];
        Arrays.fill(head, -1);
        int[] reachFrom = new int[256];
        int[] reachNext = new int[256];
        int reaches = 0;
        // Every lot seen: its page slot + 1 while it waits to be visited inside the page, else 0.
        LotMarks slotOf = new LotMarks(Math.min(window, 1024));
        slotOf.put(rootId, offset == 0 && pageSize > 0 ? 1 : 0);
        int position = 0;
        int[] level = {rootId};
        int levelSize = 1;
        for (int depth = 0; levelSize > 0; depth++) {
            int[] next = new int[16];
            int nextSize = 0;
            long nextStart = position + levelSize;
            for (int i = 0; i < levelSize; i++) {
                int lot = level[i];
                int index = position++;
                if (index >= offset && index < end) {
                    slotOf.put(lot, 0); // visited: later edges to it are not the ones that reached it
                    if (pageCount == pageLots.length) {
                        pageLots = Arrays.copyOf(pageLots, pageCount * 2);
                        pageDepths = Arrays.copyOf(pageDepths, pageCount * 2);
                    }
                    pageLots[pageCount] = lot;
                    pageDepths[pageCount++] = depth;
                }
                if (depth == maxDepth || way[lot] == null) {
                    continue;
                }
                for (int neighbour : way[lot]) {
                    if (!slotOf.has(neighbour)) {
                        if (nextSize == next.length) {
                            next = Arrays.copyOf(next, nextSize * 2);
                        }
                        long at = nextStart + nextSize;
                        next[nextSize++] = neighbour;
                        if (at >= offset && at < end) {
                            int slot = (int) (at - offset);
                            if (slot >= head.length) {
                                int grown = Math.max(slot + 1, head.length * 2);
                                int old = head.length;
                                head = Arrays.copyOf(head, grown);
                                tail = Arrays.copyOf(tail, grown);
                                Arrays.fill(head, old, grown, -1);
                            }
                            slotOf.put(neighbour, slot + 1);
                        } else {
                            slotOf.put(neighbour, 0);
                        }
                    }
                    int slot = slotOf.get(neighbour) - 1;
                    if (slot >= 0) {
                        if (reaches == reachFrom.length) {
                            reachFrom = Arrays.copyOf(reachFrom, reaches * 2);
                            reachNext = Arrays.copyOf(reachNext, reaches * 2);
                        }
                        reachFrom[reaches] = lot;
                        reachNext[reaches] = -1;
                        if (head[slot] == -1) {
                            head[slot] = reaches;
                        } else {
                            reachNext[tail[slot]] = reaches;
                        }
                        tail[slot] = reaches++;
                    }
                }
            }
            level = next;
            levelSize = nextSize;
        }
        int[] edgePairs = new int[2 * reaches];
        int edgeCount = 0;
        for (int slot = 0; slot < pageCount; slot++) {
            int lot = pageLots[slot];
            for (int r = slot < head.length ? head[slot] : -1; r != -1; r = reachNext[r]) {
                edgePairs[2 * edgeCount] = forward ? reachFrom[r] : lot;
                edgePairs[2 * edgeCount + 1] = forward ? lot : reachFrom[r];
                edgeCount++;
            }
        }
        return new LineagePage(
                Arrays.copyOf(pageLots, pageCount),
                Arrays.copyOf(pageDepths, pageCount),
                edgePairs,
                edgeCount,
                position > end);
    }

    private LineageGraph.Node node(int lot, int depth, LotMarks standing) {
        String epcClass = epcClass(lot);
        Detail detail = details[lot];
        if (detail == null) {
            return new LineageGraph.Node(
                    epcClass,
                    gtins[lot],
                    lotCodes[lot],
                    depth,
                    LotState.UNVERIFIED,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of());
        }
        LotState state = state(lot, standing);
        return new LineageGraph.Node(
                epcClass,
                gtins[lot],
                lotCodes[lot],
                depth,
                state,
                detail.producerMsp(),
                detail.locationId(),
                detail.origin(),
                detail.quantity(),
                detail.eventTime(),
                detail.holdings(),
                detail.inTransit());
    }

    /**
     * The lot's own holds and recall with those of every known lot it was made from (the
     * chaincode's ancestry: a lot known only from captured events passes nothing on), memoised
     * per question: bit 4 marks a resolved lot, bit 8 one on the current path. Depth-first and
     * iterative, since chains may be long.
     */
    private int standing(int lot, LotMarks memo) {
        int known = memo.get(lot);
        if ((known & 4) != 0) {
            return known & 3;
        }
        int[] path = new int[16];
        int[] next = new int[16];
        int top = 0;
        path[top] = lot;
        next[top++] = 0;
        memo.put(lot, known | 8);
        while (top > 0) {
            int current = path[top - 1];
            int[] up = parents[current];
            if (up != null && next[top - 1] < up.length) {
                int parent = up[next[top - 1]++];
                int marks = memo.get(parent);
                if (details[parent] == null || (marks & 12) != 0) {
                    continue;
                }
                if (top == path.length) {
                    path = Arrays.copyOf(path, top * 2);
                    next = Arrays.copyOf(next, top * 2);
                }
                memo.put(parent, marks | 8);
                path[top] = parent;
                next[top++] = 0;
                continue;
            }
            int word = own[current];
            if (up != null) {
                for (int parent : up) {
                    int marks = memo.get(parent);
                    if (details[parent] != null && (marks & 4) != 0) {
                        word |= marks & 3;
                    }
                }
            }
            memo.put(current, word | 4);
            top--;
        }
        return memo.get(lot) & 3;
    }

    /** A known lot's standing, resolved through its ancestry (memoised over one question). */
    LotState state(int lot, LotMarks memo) {
        int word = standing(lot, memo);
        return (word & RECALLED) != 0 ? LotState.RECALLED : (word & HELD) != 0 ? LotState.ON_HOLD : LotState.ACTIVE;
    }

    /** What is known of a lot beyond its place in the graph; null for a lot seen only as an edge's end. */
    Detail detail(int lot) {
        return details[lot];
    }

    String gtin(int lot) {
        return gtins[lot];
    }

    String lotCode(int lot) {
        return lotCodes[lot];
    }

    /** A memo for {@link #state}: one per question. */
    LotMarks standingMemo() {
        return new LotMarks();
    }

    EdgeFacts edgeFacts(int parent, int child) {
        return parentEdges[child][find(parents[child], parent)];
    }

    private LineageGraph.Edge edge(int parent, int child) {
        EdgeFacts facts = edgeFacts(parent, child);
        return new LineageGraph.Edge(
                epcClass(parent),
                epcClass(child),
                facts.eventId(),
                facts.kind(),
                facts.at(),
                facts.consumed(),
                facts.produced());
    }

    String epcClass(int lot) {
        return "https://id.gs1.org/01/" + gtins[lot] + "/10/" + percentEncoded(lotCodes[lot]);
    }

    /** A page of lots and how many there are in all. */
    record Lots(int total, List<LineageGraph.Node> lots) {}

    /** The lots {@code mspId} holds some of now, oldest first, each with its resolved standing (depth 0). */
    Lots heldBy(String mspId, int offset, int pageSize) {
        lock.readLock().lock();
        try {
            java.util.BitSet held = holders.get(mspId);
            return held == null ? new Lots(0, List.of()) : page(held, offset, pageSize);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The lots carrying a hold or a recall of their own (not inherited), oldest first. */
    Lots flagged(int offset, int pageSize) {
        lock.readLock().lock();
        try {
            return page(flagged, offset, pageSize);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every lot some organisation holds now that is on hold or recalled, by a flag of its own or
     * one of a lot it was made from, oldest first: the regulator's oversight. Walks the lots
     * carrying a flag and what was made from them, not every lot on the ledger.
     */
    List<LotClass> heldAndFlagged() {
        lock.readLock().lock();
        try {
            // Standing passes only downstream, so every lot it reaches is a flagged lot's descendant.
            LotMarks reached = new LotMarks(flagged.cardinality());
            int[] queue = new int[Math.max(16, flagged.cardinality())];
            int count = 0;
            for (int lot = flagged.nextSetBit(0); lot >= 0; lot = flagged.nextSetBit(lot + 1)) {
                reached.put(lot, 1);
                queue[count++] = lot;
            }
            for (int head = 0; head < count; head++) {
                int[] made = children[queue[head]];
                if (made == null) {
                    continue;
                }
                for (int child : made) {
                    if (!reached.has(child)) {
                        reached.put(child, 1);
                        if (count == queue.length) {
                            queue = Arrays.copyOf(queue, count * 2);
                        }
                        queue[count++] = child;
                    }
                }
            }
            Arrays.sort(queue, 0, count);
            LotMarks memo = new LotMarks(count);
            List<LotClass> found = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int lot = queue[i];
                if (details[lot] == null || standing(lot, memo) == 0) {
                    continue;
                }
                for (LotView.Holding holding : details[lot].holdings()) {
                    if (held(holding.quantity())) {
                        found.add(new LotClass(gtins[lot], lotCodes[lot]));
                        break;
                    }
                }
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Some of the lot: the holdings that put a lot in an organisation's "my lots". */
    private static boolean held(Quantity quantity) {
        return quantity != null && quantity.value() != null && quantity.value().signum() > 0;
    }

    private Lots page(java.util.BitSet lots, int offset, int pageSize) {
        LotMarks standing = new LotMarks();
        List<LineageGraph.Node> page = new ArrayList<>();
        int index = 0;
        // Stops at the page's end: the first page of an organisation's 150,000 lots walks 200.
        for (int lot = lots.nextSetBit(0); lot >= 0 && page.size() < pageSize; lot = lots.nextSetBit(lot + 1)) {
            if (index >= offset) {
                page.add(node(lot, 0, standing));
            }
            index++;
        }
        return new Lots(lots.cardinality(), page);
    }

    /**
     * "My lots" of an organisation: those it holds some of now and those it made, the lots the ledger
     * said something of last first, a page of them and how many there are.
     */
    LotKeys mine(String mspId, int offset, int pageSize) {
        lock.readLock().lock();
        try {
            java.util.BitSet lots = new java.util.BitSet();
            java.util.BitSet held = holders.get(mspId);
            java.util.BitSet made = producers.get(mspId);
            if (held != null) {
                lots.or(held);
            }
            if (made != null) {
                lots.or(made);
            }
            return latestFirst(lots, lot -> true, lot -> touched[lot], offset, pageSize);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The regulator's inspection queue: every lot some organisation holds some of now that has no
     * lab result and is not recalled (by a recall of its own or of a lot it was made from), those of
     * the {@code first} GTINs (products that must be tested) first, then the lot the ledger said
     * something of last; a page and how many there are.
     */
    LotKeys awaitingInspection(java.util.Set<String> first, int offset, int pageSize) {
        lock.readLock().lock();
        try {
            java.util.BitSet lots = new java.util.BitSet();
            for (java.util.BitSet held : holders.values()) {
                lots.or(held);
            }
            lots.andNot(inspected);
            LotMarks memo = new LotMarks();
            return latestFirst(
                    lots,
                    lot -> (standing(lot, memo) & RECALLED) == 0,
                    lot -> (first.contains(gtins[lot]) ? 1L << 62 : 0) | touched[lot],
                    offset,
                    pageSize);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The lots that pass {@code keep}, highest {@code rank} first: a page of them and how many pass.
     * A bounded heap of the {@code offset + pageSize} highest, so a page costs one pass over the
     * lots, not a sort of them. Called under the read lock.
     */
    private LotKeys latestFirst(
            java.util.BitSet lots,
            java.util.function.IntPredicate keep,
            java.util.function.IntToLongFunction rank,
            int offset,
            int pageSize) {
        int wanted = (int) Math.min(lots.cardinality(), (long) offset + pageSize);
        int[] heap = new int[Math.max(1, wanted)];
        long[] ranks = new long[heap.length];
        int count = 0;
        int total = 0;
        for (int lot = lots.nextSetBit(0); lot >= 0; lot = lots.nextSetBit(lot + 1)) {
            if (!keep.test(lot)) {
                continue;
            }
            total++;
            long key = rank.applyAsLong(lot);
            if (count < wanted) {
                heap[count] = lot;
                ranks[count] = key;
                siftUp(heap, ranks, count++);
            } else if (wanted > 0 && key > ranks[0]) {
                heap[0] = lot;
                ranks[0] = key;
                siftDown(heap, ranks, count);
            }
        }
        // Taking the least off one at a time fills the page from its end: highest first.
        List<LotClass> page = new ArrayList<>(java.util.Collections.nCopies(Math.max(0, count - offset), null));
        for (int left = count; left > 0; left--) {
            int lot = heap[0];
            if (left - 1 - offset >= 0) {
                page.set(left - 1 - offset, new LotClass(gtins[lot], lotCodes[lot]));
            }
            heap[0] = heap[left - 1];
            ranks[0] = ranks[left - 1];
            siftDown(heap, ranks, left - 1);
        }
        return new LotKeys(total, page);
    }

    private static void siftUp(int[] heap, long[] ranks, int at) {
        while (at > 0) {
            int up = (at - 1) / 2;
            if (ranks[up] <= ranks[at]) {
                return;
            }
            swap(heap, ranks, up, at);
            at = up;
        }
    }

    private static void siftDown(int[] heap, long[] ranks, int count) {
        int at = 0;
        while (true) {
            int least = at;
            for (int child = 2 * at + 1; child <= 2 * at + 2 && child < count; child++) {
                if (ranks[child] < ranks[least]) {
                    least = child;
                }
            }
            if (least == at) {
                return;
            }
            swap(heap, ranks, least, at);
            at = least;
        }
    }

    private static void swap(int[] heap, long[] ranks, int i, int j) {
        int lot = heap[i];
        heap[i] = heap[j];
        heap[j] = lot;
        long rank = ranks[i];
        ranks[i] = ranks[j];
        ranks[j] = rank;
    }

    /** Every lot as {@code lot:Facts} would answer it, with when it was last said something of: what a snapshot stores. */
    void forEach(java.util.function.ObjLongConsumer<LotFacts> sink) {
        lock.readLock().lock();
        try {
            for (int lot = 0; lot < size; lot++) {
                sink.accept(facts(lot), touched[lot]);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private LotFacts facts(int lot) {
        List<LineageGraph.Edge> up = new ArrayList<>();
        if (parents[lot] != null) {
            for (int parent : parents[lot]) {
                up.add(edge(parent, lot));
            }
        }
        Detail d = details[lot];
        if (d == null) {
            return new LotFacts(
                    epcClass(lot),
                    gtins[lot],
                    lotCodes[lot],
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    false,
                    false,
                    List.of(),
                    List.of(),
                    up);
        }
        return new LotFacts(
                epcClass(lot),
                gtins[lot],
                lotCodes[lot],
                true,
                d.producerMsp(),
                d.locationId(),
                d.origin(),
                d.quantity(),
                d.eventTime(),
                d.holds(),
                (own[lot] & RECALLED) != 0,
                inspected.get(lot),
                d.holdings(),
                d.inTransit(),
                up);
    }

    /** The chaincode's percent-encoding of a lot code in a Digital Link URI. */
    static String percentEncoded(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (unreserved(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.substring(0, i));
            }
            for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
