package io.heitu.service.graph;

import io.heitu.service.HeituProperties;
import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.BlockWaits;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Change;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the lineage graph current: follows the chaincode's events (the same feed on both ledgers)
 * from the block of the last snapshot, and for the lots each block touched reads what the ledger
 * says of them now ({@code lot:Facts}, 500 lots a query). The ledger's subscription thread only
 * hands blocks to one worker, as for the EPCIS read model. A snapshot is written after a quiet
 * spell once enough blocks came in, and at shutdown.
 *
 * <p>A rebuild follows from block 0 into a new graph while the old one keeps answering, and
 * takes over once it has caught up with it.
 */
@Component
public class GraphFeed implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(GraphFeed.class);
    private static final int MANY = 500;
    private static final TypeReference<List<LotFacts>> FACTS = new TypeReference<>() {};
    /** Blocks after which a quiet feed writes a snapshot. */
    private static final long SNAPSHOT_EVERY = 1_000;

    private final Ledger ledger;
    private final TraceLedger trace;
    private final CurrentUser users;
    private final JsonMapper json;
    private final GraphSnapshots snapshots;
    private final BlockWaits waits = new BlockWaits();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lineage-graph-feed");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Generation served;
    private volatile Generation building;
    private volatile boolean closed;
    private long snapshotHeight;

    /** A graph and the subscription that feeds it. */
    private static final class Generation {
        final LotGraph graph;
        volatile AutoCloseable subscription;

        Generation(LotGraph graph) {
            this.graph = graph;
        }
    }

    GraphFeed(Ledger ledger, TraceLedger trace, CurrentUser users, JsonMapper json, HeituProperties properties) {
        this.ledger = ledger;
        this.trace = trace;
        this.users = users;
        this.json = json;
        this.snapshots = new GraphSnapshots(properties.dataDir(), json);
    }

    /** Starts from the snapshot, or from block 0 without one, once the reader identity exists. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        LotGraph graph;
        try {
            graph = snapshots.load().orElseGet(LotGraph::new);
        } catch (IOException e) {
            LOG.warn("cannot read the lineage graph's snapshot {}; rebuilding from block 0", snapshots.file(), e);
            graph = new LotGraph();
        }
        snapshotHeight = graph.height();
        if (graph.height() > 0) {
            LOG.info(
                    "lineage graph restored from its snapshot at block {} ({} lots); following the ledger from there",
                    graph.height(),
                    graph.lots());
        } else {
            LOG.info("lineage graph: no snapshot; building it from block 0");
        }
        Generation first = new Generation(graph);
        served = first;
        follow(first);
    }

    private void follow(Generation generation) {
        generation.subscription =
                ledger.follow(generation.graph.height(), block -> worker.execute(() -> handle(generation, block)));
    }

    /** The graph that answers now. */
    LotGraph graph() {
        Generation current = served;
        return current == null ? new LotGraph() : current.graph;
    }

    /** The last block the answers reflect. */
    public long height() {
        return graph().height();
    }

    /** Waits up to {@code wait} for the graph to reflect block {@code minHeight}; whether it does. */
    boolean await(long minHeight, Duration wait) {
        return waits.await(this::height, minHeight, wait);
    }

    /** Starts a rebuild from block 0; false when one is under way already. */
    synchronized boolean rebuild() {
        if (building != null || closed) {
            return false;
        }
        Generation fresh = new Generation(new LotGraph());
        building = fresh;
        follow(fresh);
        return true;
    }

    /** Whether a rebuild is under way. */
    boolean rebuilding() {
        return building != null;
    }

    private void handle(Generation generation, BlockEvents block) {
        if (generation != served && generation != building) {
            return; // a generation replaced by a rebuild: its last blocks are no longer wanted
        }
        long backoff = 200;
        while (!closed && block.blockNumber() > generation.graph.height()) {
            try {
                apply(generation.graph, block);
            } catch (LedgerException.Unavailable e) {
                LOG.warn(
                        "the ledger is unavailable while reading block {} into the lineage graph ({}); trying again in {} ms",
                        block.blockNumber(),
                        e.getMessage(),
                        backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
        if (generation == building && generation.graph.height() >= served.graph.height()) {
            takeOver(generation);
        }
        if (generation == served) {
            waits.advanced();
            if (generation.graph.height() - snapshotHeight >= SNAPSHOT_EVERY && quiet()) {
                snapshot(generation.graph);
            }
        }
    }

    private synchronized void takeOver(Generation rebuilt) {
        Generation old = served;
        served = rebuilt;
        building = null;
        close(old);
        LOG.info(
                "the lineage graph was rebuilt from block 0: {} lots at block {}",
                rebuilt.graph.lots(),
                rebuilt.graph.height());
        snapshot(rebuilt.graph);
        waits.advanced();
    }

    private boolean quiet() {
        return worker instanceof java.util.concurrent.ThreadPoolExecutor pool
                && pool.getQueue().isEmpty();
    }

    private void snapshot(LotGraph graph) {
        try {
            snapshots.save(graph);
            snapshotHeight = graph.height();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the lineage graph's snapshot {}", snapshots.file(), e);
        }
    }

    private void apply(LotGraph graph, BlockEvents block) {
        List<String> lots = touched(block);
        List<LotFacts> facts = new ArrayList<>(lots.size());
        for (int from = 0; from < lots.size(); from += MANY) {
            List<String> chunk = lots.subList(from, Math.min(lots.size(), from + MANY));
            facts.addAll(read(chunk, block.blockNumber()));
        }
        graph.apply(facts, block.blockNumber());
        graph.height(block.blockNumber());
    }

    /**
     * Many lots in one query; should one be unreadable (refused), the others still get in. An
     * unavailable ledger goes up, and the block is tried again.
     */
    private List<LotFacts> read(List<String> lots, long blockNumber) {
        try {
            return json.readValue(trace.lotFactsJson(users.reader(), lots), FACTS);
        } catch (LedgerException.Unavailable e) {
            throw e;
        } catch (RuntimeException many) {
            List<LotFacts> facts = new ArrayList<>();
            for (String lot : lots) {
                try {
                    facts.addAll(json.readValue(trace.lotFactsJson(users.reader(), List.of(lot)), FACTS));
                } catch (LedgerException.Unavailable e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warn("cannot read lot {} of block {} into the lineage graph", lot, blockNumber, e);
                }
            }
            return facts;
        }
    }

    private static List<String> touched(BlockEvents block) {
        Set<String> lots = new LinkedHashSet<>();
        for (BlockEvents.Event event : block.events()) {
            try {
                Change change = event.change();
                for (String lot : change.lots()) {
                    if (LotClass.of(lot).isPresent()) {
                        lots.add(lot);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot read chaincode event {} of block {}", event.name(), block.blockNumber(), e);
            }
        }
        return new ArrayList<>(lots);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static void close(Generation generation) {
        AutoCloseable subscription = generation == null ? null : generation.subscription;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("cannot close a lineage graph subscription", e);
            }
        }
    }

    @Override
    public void destroy() throws Exception {
        closed = true;
        close(building);
        close(served);
        // No interrupt (shutdownNow): an interrupt during a FileChannel write closes the channel, which
        // takes the whole H2 store down (or loses the snapshot); the loops end on `closed` after this block.
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        Generation current = served;
        if (current != null && current.graph.height() > snapshotHeight) {
            snapshot(current.graph);
        }
    }
}
