package io.heitu.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.store.LedgerStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {

    @TempDir
    Path dir;

    @TempDir
    Path saved;

    TestLedger t;

    @BeforeEach
    void open() {
        t = TestLedger.open(dir);
        t.submit("put", "a", "1");
        t.submit("put", "b", "2");
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void drops_a_torn_last_record_and_keeps_every_complete_block() throws Exception {
        long height = t.ledger.height();
        t.ledger.close();
        long size = Files.size(blockFile());
        // A crash in the middle of an append: the header promises more bytes than were written.
        Files.write(blockFile(), ByteBuffer.allocate(40).putInt(5000).putInt(42).array(), StandardOpenOption.APPEND);

        t.reopen();

        assertThat(Files.size(blockFile())).isEqualTo(size);
        assertThat(t.ledger.height()).isEqualTo(height);
        assertThat(t.submit("put", "c", "3").status()).isEqualTo(TxStatus.VALID);
        assertThat(t.ledger.verify().ok()).isTrue();
    }

    @Test
    void rebuilds_a_lost_state_store_from_the_blocks() throws Exception {
        TxResult last = t.submit("put", "a", "3");
        t.ledger.close();
        deleteRecursively(dir.resolve(LedgerStore.STATE_DIR));

        t.reopen();

        assertThat(t.read("get", "a")).isEqualTo("3");
        assertThat(t.read("history", "a")).isEqualTo("3,1");
        assertThat(t.ledger.locate(last.txId())).isPresent();
        assertThat(t.ledger.verify().ok()).isTrue();
    }

    @Test
    void replays_the_blocks_a_stale_state_store_missed() throws Exception {
        t.ledger.close();
        copyRecursively(dir.resolve(LedgerStore.STATE_DIR), saved);
        t.reopen();
        t.submit("put", "c", "3");
        t.submit("remove", "a");
        t.ledger.close();
        deleteRecursively(dir.resolve(LedgerStore.STATE_DIR));
        copyRecursively(saved, dir.resolve(LedgerStore.STATE_DIR));

        t.reopen();

        assertThat(t.read("range", "", "")).isEqualTo("b,c");
        assertThat(t.ledger.verify().ok()).isTrue();
    }

    @Test
    void refuses_to_open_when_a_block_it_must_replay_is_damaged() throws Exception {
        t.ledger.close();
        copyRecursively(dir.resolve(LedgerStore.STATE_DIR), saved);
        t.reopen();
        t.submit("put", "c", "3");
        t.submit("put", "d", "4");
        t.ledger.close();
        deleteRecursively(dir.resolve(LedgerStore.STATE_DIR));
        copyRecursively(saved, dir.resolve(LedgerStore.STATE_DIR));
        long size = Files.size(blockFile());
        try (RandomAccessFile file = new RandomAccessFile(blockFile().toFile(), "rw")) {
            file.seek(size - 400);
            file.write(file.read() ^ 0x10);
        }

        assertThatThrownBy(() -> EmbeddedLedger.open(t.config(), TestLedger.chaincode()))
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("damaged");
    }

    private Path blockFile() {
        return dir.resolve(LedgerStore.BLOCK_FILE);
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
