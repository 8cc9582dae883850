package io.heitu.service.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * What the lineage graph costs in heap, for the scale benchmark: the heap in use after a full
 * collection, before and after copying the served graph the way a snapshot is loaded (every lot as
 * {@code lot:Facts} answers it, applied to a new graph). The difference is what one more graph of
 * this size retains — its lots, edges, interned words and indexes — without walking the objects.
 * Only present when {@code heitu.bench.enabled=true}: it collects garbage on request.
 */
@Component
@ConditionalOnProperty(name = "heitu.bench.enabled", havingValue = "true")
public class GraphFootprint {

    private final GraphFeed feed;

    GraphFootprint(GraphFeed feed) {
        this.feed = feed;
    }

    /** Lots and edges of the served graph, and the heap a copy of it retains. */
    public record Measured(int lots, int edges, long bytes) {}

    public Measured measure() {
        LotGraph served = feed.graph();
        long before = usedAfterGc();
        LotGraph copy = new LotGraph();
        List<LotFacts> chunk = new ArrayList<>(1024);
        long[] when = new long[1024];
        served.forEach((facts, last) -> {
            when[chunk.size()] = last;
            chunk.add(facts);
            if (chunk.size() == when.length) {
                copy.restore(chunk, when);
                chunk.clear();
            }
        });
        copy.restore(chunk, when);
        chunk.clear();
        long after = usedAfterGc();
        Reference.reachabilityFence(copy);
        return new Measured(copy.lots(), copy.edges(), after - before);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
