package io.heitu.service.ledger.fabric;

import io.heitu.service.ledger.BlockEvents;
import java.time.Duration;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.Block;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows committed blocks from a block on and hands each one's chaincode events to a listener,
 * block by block, empty blocks included (so a listener's checkpoint always advances). When the
 * stream breaks — the peer restarts, the network blips — it reconnects from the block after the
 * last one delivered, backing off up to 5 s, until closed: the read models catch up on their own.
 */
final class BlockFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockFollower.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Network network;
    private final String chaincode;
    private final Consumer<BlockEvents> listener;
    private final Thread thread;
    private volatile long next;
    private volatile boolean closed;
    private volatile CloseableIterator<Block> blocks;

    private BlockFollower(Network network, String chaincode, long afterBlock, Consumer<BlockEvents> listener) {
        this.network = network;
        this.chaincode = chaincode;
        this.listener = listener;
        this.next = afterBlock + 1;
        this.thread = new Thread(this::run, "fabric-blocks");
        this.thread.setDaemon(true);
    }

    static AutoCloseable start(Network network, String chaincode, long afterBlock, Consumer<BlockEvents> listener) {
        BlockFollower follower = new BlockFollower(network, chaincode, afterBlock, listener);
        follower.thread.start();
        return follower;
    }

    private void run() {
        long backoff = 100;
        while (!closed) {
            try {
                blocks =
                        network.newBlockEventsRequest().startBlock(next).build().getEvents();
                while (!closed && blocks.hasNext()) {
                    Block block = blocks.next();
                    if (block.getHeader().getNumber() < next) {
                        continue;
                    }
                    listener.accept(BlockContents.events(block, chaincode));
                    next = block.getHeader().getNumber() + 1;
                    backoff = 100;
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn(
                        "block stream broke before block {} ({}); reconnecting in {} ms",
                        next,
                        e.getMessage(),
                        backoff);
            }
            closeStream();
            sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
    }

    private void closeStream() {
        CloseableIterator<Block> current = blocks;
        if (current != null) {
            current.close();
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

    @Override
    public void close() {
        closed = true;
        closeStream();
        thread.interrupt();
    }
}
