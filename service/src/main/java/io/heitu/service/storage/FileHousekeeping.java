package io.heitu.service.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rewrites the live pages of sparse chunks of the H2 file, as H2's own background writer would.
 *
 * <p>Why: the database is opened with {@code WRITE_DELAY=0}, so a commit is in the file before anything
 * is acknowledged. H2 then starts no background writer, and the background writer is also where
 * H2 compacts. Every commit writes a new copy of each B-tree page it changed (the EPCIS read model
 * changes about a dozen pages of random-key indexes per event), and a chunk of the file is freed
 * only once nothing in it is live. The event rows themselves are written once and stay live, so
 * without compaction no chunk is ever freed and the file grows by everything written. A standalone
 * run of the read model's schema and write pattern at a million lots: 60 KB per event without this,
 * 6 KB with it, and faster writes. It cannot help within H2's retention time (45 s): a burst still
 * grows the file by what it writes in that time (README, EPCIS "Disk").
 *
 * <p>Every {@link StorageSettings#every()} it looks at how full the file's chunks are; below
 * {@link StorageSettings#compactBelow()} percent it rewrites the sparsest chunks' live pages, 16 MB
 * at a time, for at most {@link StorageSettings#budget()}. The rewrite is H2's own ({@link
 * MVStore#compact}), committed like any other change; writers wait for it only while it holds the
 * store's lock.
 */
@Component
class FileHousekeeping implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(FileHousekeeping.class);
    private static final int STEP_BYTES = 16 << 20;

    private final DataSource dataSource;
    private final StorageSettings settings;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "h2-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    FileHousekeeping(DataSource dataSource, StorageSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        if (settings.compactBelow() > 0) {
            long every = settings.every().toMillis();
            ticker.scheduleWithFixedDelay(this::tidyQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** What one look did: how full the chunks were before and after, and the steps it took. */
    record Tidied(int fillBefore, int fillAfter, int steps) {}

    /** One look, now: rewrites until the chunks are full enough, nothing is left to do, or the budget is spent. */
    Tidied tidy() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = ((SessionLocal)
                            connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase()
                    .getStore()
                    .getMvStore();
            FileStore<?> file = store.getFileStore();
            if (file == null || store.isClosed() || file.isReadOnly()) {
                return new Tidied(100, 100, 0);
            }
            int before = file.getChunksFillRate();
            int steps = 0;
            long deadline = System.nanoTime() + settings.budget().toNanos();
            while (file.getChunksFillRate() < settings.compactBelow()
                    && System.nanoTime() < deadline
                    && store.compact(settings.compactBelow(), STEP_BYTES)) {
                steps++;
            }
            return new Tidied(before, file.getChunksFillRate(), steps);
        }
    }

    private void tidyQuietly() {
        try {
            Tidied tidied = tidy();
            if (tidied.steps() > 0) {
                LOG.debug(
                        "H2 chunks {}% -> {}% full in {} steps",
                        tidied.fillBefore(), tidied.fillAfter(), tidied.steps());
            }
        } catch (SQLException | RuntimeException e) {
            // A failed look leaves the file as it was; the next one tries again.
            LOG.warn("H2 housekeeping failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        // No interrupt (shutdownNow): one during H2's FileChannel write closes the channel and the
        // store with it. A look ends within its budget.
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
