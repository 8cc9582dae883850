package io.heitu.ledger.embedded;

import com.google.protobuf.InvalidProtocolBufferException;
import io.heitu.ledger.embedded.blocks.Block;
import io.heitu.ledger.embedded.blocks.BlockFile;
import io.heitu.ledger.embedded.blocks.StoredTx;
import io.heitu.ledger.embedded.store.LedgerStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers block events to one listener on its own thread, reading committed blocks back from the
 * block file: history and live blocks take the same path, so a listener that falls behind simply
 * catches up, and a slow listener never holds up commits or other listeners. A listener that throws
 * ends its subscription; it can resubscribe from its checkpoint.
 */
final class Subscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Subscription.class);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final LedgerStore store;
    private final Guard guard;
    private final Consumer<BlockEvents> listener;
    private final Consumer<Subscription> onEnd;
    private final Thread thread;
    private volatile boolean closed;
    private long next;

    Subscription(
            LedgerStore store,
            Guard guard,
            long afterBlock,
            Consumer<BlockEvents> listener,
            Consumer<Subscription> onEnd) {
        this.store = store;
        this.guard = guard;
        this.listener = listener;
        this.onEnd = onEnd;
        this.next = Math.max(0, afterBlock + 1);
        this.thread = new Thread(this::run, "ledger-events-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try (BlockFile.Reader reader = store.blocks().reader()) {
            while (!closed) {
                long height = store.awaitHeightAbove(next, 200);
                while (next < height && !closed) {
                    // Read under the guard, deliver outside it: a slow listener must not hold up close.
                    BlockEvents events = guard.call(() -> read(reader, next));
                    listener.accept(events);
                    next++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.error("event subscription stopped at block {}", next, e);
            }
        } finally {
            onEnd.accept(this);
        }
    }

    private BlockEvents read(BlockFile.Reader reader, long number) {
        try {
            return events(store.readBlock(reader, number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BlockEvents events(Block block) throws InvalidProtocolBufferException {
        List<TxEvent> events = new ArrayList<>();
        for (StoredTx tx : block.transactions()) {
            if (tx.validationCode() == TxValidationCode.VALID_VALUE && tx.event().length > 0) {
                ChaincodeEvent event = ChaincodeEvent.parseFrom(tx.event());
                events.add(new TxEvent(
                        event.getTxId(),
                        event.getEventName(),
                        event.getPayload().toByteArray()));
            }
        }
        return new BlockEvents(block.header().number(), events);
    }

    /** Asks the thread to stop after the block it is delivering, without waiting for it. */
    void stop() {
        closed = true;
    }

    /** Stops delivery; waits briefly for a listener call in progress. */
    @Override
    public void close() throws InterruptedException {
        stop();
        // No interrupt: it would land in the listener's code; the wait for new blocks is short.
        if (Thread.currentThread() != thread) {
            thread.join(5_000);
        }
    }
}
