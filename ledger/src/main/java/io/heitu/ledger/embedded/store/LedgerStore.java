package io.heitu.ledger.embedded.store;

import io.heitu.ledger.embedded.blocks.Block;
import io.heitu.ledger.embedded.blocks.BlockFile;
import io.heitu.ledger.embedded.blocks.BlockHeader;
import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.blocks.ChannelConfig;
import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.embedded.blocks.StoredTx;
import io.heitu.ledger.embedded.blocks.TxEffect;
import io.heitu.ledger.embedded.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable ledger without the chaincode: the block file, the state store derived from it, and
 * crash recovery. Opening replays blocks the state store had not applied and drops a torn last
 * record, so it is also what {@code verify} opens. Only one thread may append.
 */
public final class LedgerStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerStore.class);
    public static final String BLOCK_FILE = "blocks.dat";
    public static final String STATE_DIR = "state";

    private final BlockFile blocks;
    private final StateStore state;
    private final Object tipLock = new Object();
    private volatile Tip tip;
    private volatile ChannelConfig config;

    private LedgerStore(BlockFile blocks, StateStore state) {
        this.blocks = blocks;
        this.state = state;
    }

    public static LedgerStore open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        BlockFile blocks = BlockFile.open(dataDir.resolve(BLOCK_FILE));
        StateStore state;
        try {
            state = StateStore.open(dataDir.resolve(STATE_DIR));
        } catch (IOException e) {
            blocks.close();
            throw e;
        }
        LedgerStore store = new LedgerStore(blocks, state);
        try {
            store.tip = Recovery.replay(blocks, state);
            store.config = store.loadConfig();
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public StateStore state() {
        return state;
    }

    public BlockFile blocks() {
        return blocks;
    }

    /** Blocks committed so far; block numbers are {@code 0 .. height - 1}. */
    public long height() {
        return tip.height();
    }

    /** The configuration in force, or null before the genesis block. */
    public ChannelConfig config() {
        return config;
    }

    /**
     * Appends a block (after syncing the private values its valid transactions wrote), forces it to disk, then applies its effects to the state store. Returns once
     * the block is durable and visible to readers.
     */
    public BlockLocation append(ChannelConfig newConfig, List<StoredTx> txs, List<TxEffect> effects)
            throws IOException {
        Tip last = tip;
        // Private values first, synced: the block that commits their hashes must never be on disk
        // without them. A value whose block then never made it is kept by its hash and never read.
        state.putPrivate(effects.stream()
                .flatMap(effect -> effect.privateWrites().stream())
                .toList());
        byte[] data = Block.encodeData(newConfig, txs);
        BlockHeader header =
                new BlockHeader(last.height(), System.currentTimeMillis(), last.hash(), Hashes.sha256(data));
        byte[] record = Block.encode(header, data);
        long offset = blocks.append(record);
        BlockLocation location = new BlockLocation(
                header.number(),
                offset,
                BlockFile.RECORD_HEADER + record.length,
                header.committedAtMillis(),
                header.hash());
        synchronized (tipLock) {
            state.apply(location, newConfig != null, effects);
            tip = new Tip(header.number() + 1, location.hash());
            if (newConfig != null) {
                config = newConfig;
            }
            tipLock.notifyAll();
        }
        return location;
    }

    /** Waits until the height exceeds {@code height} or the timeout passes; returns the height. */
    public long awaitHeightAbove(long height, long timeoutMillis) throws InterruptedException {
        synchronized (tipLock) {
            if (tip.height() <= height) {
                tipLock.wait(timeoutMillis);
            }
            return tip.height();
        }
    }

    public Block readBlock(BlockFile.Reader reader, long number) throws IOException {
        BlockLocation location =
                state.block(number).orElseThrow(() -> new IOException("no block " + number + " in the index"));
        BlockFile.Record record = reader.read(location.offset());
        if (record.kind() != BlockFile.Record.Kind.OK) {
            throw new IOException("block " + number + " is damaged in the block file");
        }
        return Block.decode(record.payload());
    }

    public Optional<BlockLocation> location(long number) {
        return state.block(number);
    }

    /** A consistent view for verify: the height and a state snapshot taken between two commits. */
    public Snapshot snapshot() {
        synchronized (tipLock) {
            long height = tip.height();
            long end = height == 0 ? 0 : state.block(height - 1).orElseThrow().end();
            return new Snapshot(height, end, state.snapshot());
        }
    }

    private ChannelConfig loadConfig() throws IOException {
        OptionalLong number = state.lastConfigBlock();
        if (number.isEmpty()) {
            return null;
        }
        try (BlockFile.Reader reader = blocks.reader()) {
            return readBlock(reader, number.getAsLong()).config();
        }
    }

    @Override
    public void close() {
        state.close();
        try {
            blocks.close();
        } catch (IOException e) {
            log.warn("closing the block file failed", e);
        }
    }

    /** The next block number and the hash the next block must link to. */
    record Tip(long height, byte[] hash) {}

    /** See {@link #snapshot()}; closing releases the state snapshot. */
    public record Snapshot(long height, long blockFileEnd, StateStore state) implements AutoCloseable {
        @Override
        public void close() {
            state.close();
        }
    }
}
