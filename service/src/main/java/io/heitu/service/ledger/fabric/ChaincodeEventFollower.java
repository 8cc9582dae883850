package io.heitu.service.ledger.fabric;

import io.heitu.service.ledger.BlockEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the chaincode's events from a block on; the listener keeps its own checkpoint (the last
 * block it handled) and resumes from there.
 */
final class ChaincodeEventFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChaincodeEventFollower.class);

    private final CloseableIterator<ChaincodeEvent> events;
    private final Thread thread;

    private ChaincodeEventFollower(CloseableIterator<ChaincodeEvent> events, Consumer<BlockEvents> listener) {
        this.events = events;
        this.thread = new Thread(() -> deliver(listener), "fabric-chaincode-events");
        this.thread.setDaemon(true);
    }

    static AutoCloseable start(Network network, String chaincode, long afterBlock, Consumer<BlockEvents> listener) {
        CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(chaincode)
                .startBlock(afterBlock + 1)
                .build()
                .getEvents();
        ChaincodeEventFollower follower = new ChaincodeEventFollower(events, listener);
        follower.thread.start();
        return follower;
    }

    /**
     * Each event as it arrives, labelled with its block: a block's events cannot be known complete
     * without waiting for the next one. Listeners resume from their last block and so may see its
     * events again; the read models they keep are invalidated, not counted, so that is harmless.
     */
    private void deliver(Consumer<BlockEvents> listener) {
        try {
            while (events.hasNext()) {
                ChaincodeEvent event = events.next();
                listener.accept(new BlockEvents(
                        event.getBlockNumber(),
                        List.of(new BlockEvents.Event(
                                event.getTransactionId(),
                                event.getEventName(),
                                new String(event.getPayload(), StandardCharsets.UTF_8)))));
            }
        } catch (RuntimeException e) {
            LOG.warn("chaincode event stream ended: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        events.close();
        thread.interrupt();
    }
}
