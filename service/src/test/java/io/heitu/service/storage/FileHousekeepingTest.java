package io.heitu.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file with and without housekeeping under the read model's write pattern: a row written
 * once and kept (the event), and an index entry under a random key (its digest), 500 a commit, each
 * commit on disk before the next ({@code WRITE_DELAY=0}, as the service opens it).
 */
class FileHousekeepingTest {

    private static final int COMMITS = 160;
    private static final int ROWS_PER_COMMIT = 500;

    @TempDir
    Path dir;

    @Test
    void the_file_stops_growing_by_what_is_written_and_every_row_is_still_there() throws Exception {
        long[] without = fileAfterWrites("plain", false);
        long[] with = fileAfterWrites("tidied", true);

        // Without housekeeping no chunk is ever freed: each commit rewrites most of the random-key
        // index's leaves next to rows that stay live. With it, the freed chunks are written again.
        System.out.printf(
                "housekeeping: %,d -> %,d B without, %,d -> %,d B with%n", without[0], without[1], with[0], with[1]);
        assertThat(with[1]).isLessThan(without[1] / 2);
        // In the second half it grows by less than a third of what the plain file grows by.
        assertThat(with[1] - with[0]).isLessThan((without[1] - without[0]) / 3);
    }

    @Test
    void on_an_in_memory_database_housekeeping_does_nothing() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1");
        FileHousekeeping housekeeping = new FileHousekeeping(memory, settings(50));
        try {
            assertThat(housekeeping.tidy().steps()).isZero();
        } finally {
            housekeeping.destroy();
        }
    }

    private long[] fileAfterWrites(String name, boolean tidy) throws Exception {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0");
        // Looks only when told to here (every: a day), so the test decides when.
        FileHousekeeping housekeeping = new FileHousekeeping(source, settings(50));
        SplittableRandom random = new SplittableRandom(7);
        String body = "x".repeat(200);
        try (Connection connection = source.getConnection()) {
            connection
                    .createStatement()
                    .execute("CREATE TABLE event (digest CHAR(64) PRIMARY KEY, body VARCHAR(2000))");
            // Freed chunks are reused after the retention time (45 s unless told): here at once, in both runs.
            connection.createStatement().execute("SET RETENTION_TIME 0");
            connection.setAutoCommit(false);
            int tidied = 0;
            long half = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event VALUES (?, ?)")) {
                for (int commit = 0; commit < COMMITS; commit++) {
                    for (int row = 0; row < ROWS_PER_COMMIT; row++) {
                        insert.setString(
                                1,
                                String.format(
                                        "%016x%016x%016x%016x",
                                        random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
                        insert.setString(2, body);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                    if (tidy) {
                        tidied += housekeeping.tidy().steps();
                    }
                    if (commit == COMMITS / 2 - 1) {
                        half = Files.size(dir.resolve(name + ".mv.db"));
                    }
                }
            }
            if (tidy) {
                assertThat(tidied).as("rewrite steps taken").isPositive();
            }
            try (ResultSet count =
                    connection.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT digest) FROM event")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(COMMITS * ROWS_PER_COMMIT);
                assertThat(count.getInt(2)).isEqualTo(COMMITS * ROWS_PER_COMMIT);
            }
            org.h2.mvstore.MVStore store = ((org.h2.engine.SessionLocal)
                            connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
                    .getDatabase()
                    .getStore()
                    .getMvStore();
            System.out.printf(
                    "%s: chunks %d%% full, file %d%%%n",
                    name, store.getFileStore().getChunksFillRate(), store.getFillRate());
            return new long[] {half, Files.size(dir.resolve(name + ".mv.db"))};
        } finally {
            housekeeping.destroy();
            shutdown(source);
        }
    }

    private static StorageSettings settings(int compactBelow) {
        return new StorageSettings(compactBelow, Duration.ofDays(1), Duration.ofSeconds(5));
    }

    private static void shutdown(JdbcDataSource source) throws SQLException {
        try (Connection connection = source.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }
}
