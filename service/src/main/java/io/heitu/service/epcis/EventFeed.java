package io.heitu.service.epcis;

import io.heitu.service.identity.CurrentUser;
import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.BlockWaits;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TraceLedger;
import io.heitu.service.ledger.wire.Change;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the EPCIS read model current: follows the chaincode's events from the block it last
 * handled, and for every event a transaction recorded reads it from the ledger (a block's events in one {@code event:GetMany})
 * into the {@link EventStore}. The ledger's subscription thread only hands block contents over: a
 * listener that called the ledger could block the ledger's own reopening. A block is checkpointed
 * in the database transaction that stores its events, so a restart resumes where the model stopped.
 */
@Component
public class EventFeed implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    /** The most events the chaincode gives in one {@code event:GetMany}. */
    private static final int MANY = 500;
    /**
     * Events read into the model in one database transaction at most, from as many waiting blocks as
     * that takes. Behind the ledger (catching up, a burst) each commit then shares the index pages
     * it rewrites among thousands of events instead of one block's; caught up, a block is handled as
     * it comes.
     */
    private static final int EVENTS_PER_COMMIT = 5_000;

    private final Ledger ledger;
    private final TraceLedger trace;
    private final CurrentUser users;
    private final EventStore store;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "epcis-feed");
        thread.setDaemon(true);
        return thread;
    });
    private volatile AutoCloseable subscription;
    private volatile long handled;
    private volatile boolean closed;
    private final BlockWaits waits = new BlockWaits();
    /** Blocks the ledger handed over, in order, not stored yet. */
    private final BlockingQueue<BlockEvents> waiting = new LinkedBlockingQueue<>();

    EventFeed(Ledger ledger, TraceLedger trace, CurrentUser users, EventStore store, JdbcClient jdbc, JsonMapper json) {
        this.ledger = ledger;
        this.trace = trace;
        this.users = users;
        this.store = store;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Starts once the demo data and the reader identity exist. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long from = jdbc.sql("SELECT last_block FROM epcis_feed WHERE id = 1")
                .query(Long.class)
                .optional()
                .orElse(0L);
        handled = from;
        subscription = ledger.follow(from, block -> {
            waiting.add(block);
            worker.execute(this::storeWaiting);
        });
    }

    /** The last block whose events are in the read model. */
    public long handled() {
        return handled;
    }

    /** Waits up to {@code wait} for the read model to hold block {@code block}'s events; whether it does. */
    public boolean await(long block, java.time.Duration wait) {
        return waits.await(this::handled, block, wait);
    }

    /**
     * Stores the blocks waiting, up to {@value #EVENTS_PER_COMMIT} events, and checkpoints the last
     * of them in the same transaction. While the ledger cannot be read they are tried again, backing
     * off, and the blocks after them wait: checkpointing past one would leave a gap that no later
     * block fills.
     */
    private void storeWaiting() {
        if (closed) {
            return;
        }
        List<BlockEvents> blocks = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        BlockEvents next;
        while (ids.size() < EVENTS_PER_COMMIT && (next = waiting.poll()) != null) {
            if (next.blockNumber() > handled) {
                blocks.add(next);
                ids.addAll(eventIds(next));
            }
        }
        if (blocks.isEmpty()) {
            return; // an earlier call took this one's block along
        }
        long last = blocks.get(blocks.size() - 1).blockNumber();
        long backoff = 200;
        while (!closed && last > handled) {
            try {
                store(new ArrayList<>(ids), last);
            } catch (LedgerException.Unavailable e) {
                LOG.warn(
                        "the ledger is unavailable while reading blocks {}–{} into the EPCIS read model ({});"
                                + " trying again in {} ms",
                        blocks.get(0).blockNumber(),
                        last,
                        e.getMessage(),
                        backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void store(List<String> ids, long lastBlock) {
        List<JsonNode> events = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MANY) {
            events.addAll(read(ids.subList(from, Math.min(ids.size(), from + MANY)), lastBlock));
        }
        store.putAll(
                events,
                () -> jdbc.sql("MERGE INTO epcis_feed (id, last_block) KEY (id) VALUES (1, ?)")
                        .param(lastBlock)
                        .update());
        handled = lastBlock;
        waits.advanced();
    }

    /**
     * One query for many events; should one of them be unreadable (refused), the others still get
     * in. An unavailable ledger is not an unreadable event: it goes up, and the block is retried.
     */
    private List<JsonNode> read(List<String> ids, long lastBlock) {
        try {
            List<JsonNode> events = new ArrayList<>();
            json.readTree(trace.eventsJson(users.reader(), ids)).forEach(events::add);
            return events;
        } catch (LedgerException.Unavailable e) {
            throw e;
        } catch (RuntimeException many) {
            List<JsonNode> events = new ArrayList<>();
            for (String eventId : ids) {
                try {
                    events.add(json.readTree(trace.eventJson(users.reader(), eventId)));
                } catch (LedgerException.Unavailable e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warn(
                            "cannot read event {} (of a block up to {}) into the EPCIS read model",
                            eventId,
                            lastBlock,
                            e);
                }
            }
            return events;
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private List<String> eventIds(BlockEvents block) {
        Set<String> ids = new LinkedHashSet<>();
        for (BlockEvents.Event event : block.events()) {
            try {
                Change change = event.change();
                if (change.eventId() != null) {
                    ids.add(change.eventId());
                }
                ids.addAll(change.events());
            } catch (RuntimeException e) {
                LOG.warn("cannot read chaincode event {} of block {}", event.name(), block.blockNumber(), e);
            }
        }
        return new ArrayList<>(ids);
    }

    @Override
    public void destroy() throws Exception {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        // No interrupt (shutdownNow): an interrupt during a FileChannel write closes the channel, which
        // takes the whole H2 store down (or loses the snapshot); the loops end on `closed` after this block.
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
