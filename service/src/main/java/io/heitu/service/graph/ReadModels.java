package io.heitu.service.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code java -jar service.jar rebuild-read-models <dataDir>}: the next start rebuilds the lineage graph from block 0. */
public final class ReadModels {

    private ReadModels() {}

    /** Deletes the lineage graph's snapshot under {@code dataDir}, saying what it did. */
    public static void forget(Path dataDir) {
        Path snapshot = dataDir.resolve("read-models").resolve(GraphSnapshots.FILE);
        try {
            boolean deleted = Files.deleteIfExists(snapshot);
            // A command-line answer, before any logging is set up.
            System.out.println(
                    deleted
                            ? "rebuild-read-models: deleted " + snapshot
                                    + "; the next start rebuilds the lineage graph from block 0"
                            : "rebuild-read-models: no snapshot at " + snapshot
                                    + "; the next start builds the lineage graph from block 0");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + snapshot, e);
        }
    }
}
