package io.heitu.service.graph;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graph on disk at a block: {@code <dataDir>/read-models/lineage-graph.bin}, written whole
 * beside itself and renamed over the old one once synced, so a crash leaves the old snapshot or
 * the new one, never half of one. A restart loads it and follows the ledger from its block.
 * Each lot is stored as {@code lot:Facts} answers it (length-prefixed JSON): one format for the
 * ledger's answers and the disk, read back through the same code; before it, when the ledger last
 * said something of the lot ("my lots" lists those first). A snapshot of the format before
 * ({@code HTG1}: no such time, no lab-result flag) is not loaded: the graph is rebuilt from block 0.
 */
final class GraphSnapshots {

    /** Each lot's when-last-named (block and place, {@code LotGraph.touched}), then its facts. */
    private static final int MAGIC = 0x48544732; // "HTG2"

    static final String FILE = "lineage-graph.bin";

    private final Path file;
    private final JsonMapper json;

    GraphSnapshots(Path dataDir, JsonMapper json) {
        this.file = dataDir.resolve("read-models").resolve(FILE);
        this.json = json;
    }

    Path file() {
        return file;
    }

    /** The stored graph, or empty when there is none or it cannot be read (then the graph is rebuilt). */
    Optional<LotGraph> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            long height = in.readLong();
            int lots = in.readInt();
            LotGraph graph = new LotGraph();
            List<LotFacts> chunk = new ArrayList<>(1024);
            long[] when = new long[1024];
            for (int i = 0; i < lots; i++) {
                when[chunk.size()] = in.readLong();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                chunk.add(json.readValue(bytes, LotFacts.class));
                if (chunk.size() == when.length) {
                    graph.restore(chunk, when);
                    chunk.clear();
                }
            }
            graph.restore(chunk, when);
            graph.height(height);
            return Optional.of(graph);
        } catch (EOFException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    void save(LotGraph graph) throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(FILE + ".next");
        long height = graph.height();
        try (OutputStream raw = Files.newOutputStream(next);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeLong(height);
            out.writeInt(graph.lots());
            IOException[] failed = {null};
            graph.forEach((facts, when) -> {
                if (failed[0] == null) {
                    try {
                        byte[] bytes = json.writeValueAsBytes(facts);
                        out.writeLong(when);
                        out.writeInt(bytes.length);
                        out.write(bytes);
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets the snapshot: the next start rebuilds the graph from block 0. */
    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
