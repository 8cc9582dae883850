package io.heitu.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.ledger.embedded.blocks.BlockFile;
import io.heitu.ledger.embedded.blocks.BlockLocation;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.state.StateStore;
import io.heitu.ledger.embedded.state.StoreKeys;
import io.heitu.ledger.embedded.state.StoreValues;
import io.heitu.ledger.embedded.store.LedgerStore;
import io.heitu.ledger.embedded.verify.VerifyCommand;
import io.heitu.ledger.embedded.verify.VerifyReport;
import io.heitu.ledger.sim.Version;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TamperTest {

    @TempDir
    Path dir;

    TestLedger t;
    TxResult second;

    @BeforeEach
    void commit_four_blocks() {
        t = TestLedger.open(dir);
        t.submit("put", "lot-1", "apples");
        second = t.submit("put", "lot-2", "pears");
        t.submit("put", "lot-3", "plums");
        t.submit("put", "lot-1", "cherries");
        assertThat(t.ledger.verify().ok()).isTrue();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Nested
    class StoredBlocks {

        @Test
        void a_flipped_byte_names_its_block() throws Exception {
            BlockLocation block = location(second.blockNumber());
            t.ledger.close();

            flipByte(block.offset() + block.length() / 2);
            t.reopen();

            VerifyReport report = t.ledger.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.firstBadBlock()).hasValue(second.blockNumber());
            assertThat(report.blocksChecked()).isEqualTo(second.blockNumber());
        }

        @Test
        void a_block_rewritten_with_a_fresh_checksum_fails_its_hash() throws Exception {
            BlockLocation block = location(second.blockNumber());
            t.ledger.close();

            rewriteRecord(block, "pears", "grape");
            t.reopen();

            VerifyReport report = t.ledger.verify();
            assertThat(report.firstBadBlock()).hasValue(second.blockNumber());
            assertThat(report.problem()).contains("data hash");
        }

        @Test
        void the_command_line_names_the_block_and_exits_1() throws Exception {
            BlockLocation block = location(second.blockNumber());
            t.ledger.close();
            flipByte(block.offset() + block.length() - 3);

            StringBuilder out = new StringBuilder();
            int exit = runVerifyCommand(out);

            assertThat(exit).isEqualTo(1);
            assertThat(out).contains("BAD block " + second.blockNumber());
        }

        @Test
        void the_command_line_says_ok_and_exits_0_on_an_intact_ledger() throws Exception {
            t.ledger.close();

            StringBuilder out = new StringBuilder();
            int exit = runVerifyCommand(out);

            assertThat(exit).isZero();
            assertThat(out)
                    .contains("blocks checked: 5, transactions checked: 4")
                    .contains("OK");
        }
    }

    @Nested
    class StateDatabase {

        @Test
        void an_altered_value_is_reported_at_the_block_that_wrote_it() throws Exception {
            t.ledger.close();
            try (var state = StateStore.open(dir.resolve(LedgerStore.STATE_DIR))) {
                state.db()
                        .put(
                                StoreKeys.state("lot-2"),
                                StoreValues.state(
                                        new Version(second.blockNumber(), 0), "gold".getBytes(StandardCharsets.UTF_8)));
            }
            t.reopen();

            VerifyReport report = t.ledger.verify();
            assertThat(report.firstBadBlock()).hasValue(second.blockNumber());
            assertThat(report.problem()).contains("world state");
        }

        @Test
        void a_deleted_key_is_reported() throws Exception {
            t.ledger.close();
            try (var state = StateStore.open(dir.resolve(LedgerStore.STATE_DIR))) {
                state.db().delete(StoreKeys.state("lot-2"));
            }
            t.reopen();

            VerifyReport report = t.ledger.verify();
            assertThat(report.firstBadBlock()).hasValue(second.blockNumber());
        }

        @Test
        void an_invented_key_is_reported() throws Exception {
            t.ledger.close();
            try (var state = StateStore.open(dir.resolve(LedgerStore.STATE_DIR))) {
                state.db().put(StoreKeys.state("lot-9"), StoreValues.state(new Version(3, 0), new byte[] {1}));
            }
            t.reopen();

            assertThat(t.ledger.verify().firstBadBlock()).hasValue(3);
        }

        @Test
        void a_deleted_history_entry_is_reported() throws Exception {
            t.ledger.close();
            try (var state = StateStore.open(dir.resolve(LedgerStore.STATE_DIR))) {
                state.db().delete(StoreKeys.history("lot-2", new Version(second.blockNumber(), 0)));
            }
            t.reopen();

            VerifyReport report = t.ledger.verify();
            assertThat(report.firstBadBlock()).hasValue(second.blockNumber());
            assertThat(report.problem()).contains("history");
        }
    }

    private BlockLocation location(long number) {
        return t.ledger.store().location(number).orElseThrow();
    }

    private void flipByte(long position) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(blockFile().toFile(), "rw")) {
            file.seek(position);
            int original = file.read();
            file.seek(position);
            file.write(original ^ 0x01);
        }
    }

    /** Replaces text inside a block's payload and writes a matching checksum, as a careful forger would. */
    private void rewriteRecord(BlockLocation block, String from, String to) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(blockFile().toFile(), "rw")) {
            byte[] record = new byte[block.length()];
            file.seek(block.offset());
            file.readFully(record);
            String text = new String(record, StandardCharsets.ISO_8859_1);
            int at = text.indexOf(from);
            assertThat(at).isPositive();
            byte[] payload =
                    text.replace(from, to).substring(BlockFile.RECORD_HEADER).getBytes(StandardCharsets.ISO_8859_1);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            file.seek(block.offset());
            file.write(ByteBuffer.allocate(BlockFile.RECORD_HEADER)
                    .putInt(payload.length)
                    .putInt((int) crc.getValue())
                    .array());
            file.write(payload);
        }
    }

    private int runVerifyCommand(StringBuilder out) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return VerifyCommand.run(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
            out.append(captured.toString(StandardCharsets.UTF_8));
        }
    }

    private Path blockFile() {
        return dir.resolve(LedgerStore.BLOCK_FILE);
    }
}
