package io.heitu.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.identity.CertificateAuthority;
import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.store.LedgerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLedgerTest {

    @TempDir
    Path dir;

    TestLedger t;

    @BeforeEach
    void open() {
        t = TestLedger.open(dir);
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Nested
    class Submit {

        @Test
        void commits_a_write_that_evaluate_then_reads() {
            TxResult put = t.submit("put", "lot-1", "apples");

            assertThat(put.status()).isEqualTo(TxStatus.VALID);
            assertThat(put.chaincodeStatus()).isEqualTo(200);
            assertThat(new String(put.payload(), StandardCharsets.UTF_8)).isEqualTo("apples");
            assertThat(put.blockNumber()).isEqualTo(1);
            assertThat(put.blockHash()).hasSize(64);
            assertThat(t.read("get", "lot-1")).isEqualTo("apples");
        }

        @Test
        void starts_with_a_configuration_block_and_adds_one_block_per_commit() {
            assertThat(t.ledger.height()).isEqualTo(1);

            t.submit("put", "a", "1");
            t.submit("put", "b", "2");

            assertThat(t.ledger.height()).isEqualTo(3);
        }

        @Test
        void locates_a_committed_transaction() {
            TxResult put = t.submit("put", "lot-1", "apples");

            TxLocation location = t.ledger.locate(put.txId()).orElseThrow();

            assertThat(location.blockNumber()).isEqualTo(put.blockNumber());
            assertThat(location.txIndex()).isZero();
            assertThat(location.blockHash()).isEqualTo(put.blockHash());
            assertThat(location.committedAt()).isNotNull();
            assertThat(t.ledger.locate("no-such-tx")).isEmpty();
        }

        @Test
        void evaluate_orders_nothing() {
            t.submit("put", "lot-1", "apples");
            long height = t.ledger.height();

            TxResult result = t.evaluate("put", "lot-1", "pears");

            assertThat(result.status()).isEqualTo(TxStatus.VALID);
            assertThat(result.blockNumber()).isEqualTo(-1);
            assertThat(t.ledger.height()).isEqualTo(height);
            assertThat(t.read("get", "lot-1")).isEqualTo("apples");
            assertThat(t.ledger.locate(result.txId())).isEmpty();
        }

        @Test
        void chaincode_error_is_an_endorsement_failure_and_writes_nothing() {
            long height = t.ledger.height();

            TxResult result = t.submit("failAfterWrite", "x");

            assertThat(result.status()).isEqualTo(TxStatus.ENDORSEMENT_FAILED);
            assertThat(result.chaincodeStatus()).isEqualTo(500);
            assertThat(result.message()).contains("REFUSED");
            assertThat(t.ledger.height()).isEqualTo(height);
            assertThat(t.read("get", "x")).isNull();
        }

        @Test
        void after_close_refuses_calls_instead_of_touching_closed_stores() {
            t.ledger.close();

            assertThatThrownBy(() -> t.ledger.submit(t.proposal("put", "a", "1")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> t.ledger.locate("x")).isInstanceOf(IllegalStateException.class);
            t.ledger.close();
        }

        @Test
        void keeps_committed_state_across_a_restart() {
            t.submit("put", "lot-1", "apples");

            t.reopen();

            assertThat(t.read("get", "lot-1")).isEqualTo("apples");
            assertThat(t.ledger.height()).isEqualTo(2);
            assertThat(t.ledger.verify().ok()).isTrue();
        }
    }

    @Nested
    class History {

        @Test
        void returns_every_write_and_delete_newest_first() {
            t.submit("put", "lot-1", "v1");
            t.submit("put", "lot-1", "v2");
            t.submit("remove", "lot-1");
            t.submit("put", "lot-1", "v3");

            assertThat(t.read("history", "lot-1")).isEqualTo("v3,-,v2,v1");
        }

        @Test
        void of_one_key_does_not_include_keys_it_prefixes() {
            t.submit("put", "lot", "short");
            t.submit("put", "lot-1", "long");

            assertThat(t.read("history", "lot")).isEqualTo("short");
        }
    }

    @Nested
    class Range {

        @Test
        void returns_keys_in_utf8_byte_order_within_bounds() {
            for (String key : List.of("b", "a", "é", "z", "c", "ab")) {
                t.submit("put", key, "x");
            }

            assertThat(t.read("range", "a", "c")).isEqualTo("a,ab,b");
            assertThat(t.read("range", "", "")).isEqualTo("a,ab,b,c,z,é");
        }

        @Test
        void does_not_return_deleted_keys() {
            t.submit("put", "a", "1");
            t.submit("put", "b", "2");
            t.submit("remove", "a");

            assertThat(t.read("range", "a", "z")).isEqualTo("b");
        }
    }

    @Nested
    class Events {

        @Test
        void replays_committed_blocks_then_follows_live_ones() throws Exception {
            t.submit("put", "a", "1");
            t.submit("put", "b", "2");
            List<BlockEvents> seen = new CopyOnWriteArrayList<>();

            try (AutoCloseable subscription = t.ledger.subscribe(0, seen::add)) {
                awaitSize(seen, 2);
                t.submit("put", "c", "3");
                awaitSize(seen, 3);
            }

            assertThat(seen).extracting(BlockEvents::blockNumber).containsExactly(1L, 2L, 3L);
            assertThat(seen)
                    .extracting(block -> new String(block.events().get(0).payload(), StandardCharsets.UTF_8))
                    .containsExactly("a=1", "b=2", "c=3");
            assertThat(seen.get(0).events().get(0).name()).isEqualTo("put");
        }

        @Test
        void resumes_after_a_checkpoint() throws Exception {
            TxResult first = t.submit("put", "a", "1");
            t.submit("put", "b", "2");
            List<BlockEvents> seen = new CopyOnWriteArrayList<>();

            try (AutoCloseable subscription = t.ledger.subscribe(first.blockNumber(), seen::add)) {
                awaitSize(seen, 1);
                Thread.sleep(100);
            }

            assertThat(seen).hasSize(1);
            assertThat(seen.get(0).events().get(0).txId()).isNotEqualTo(first.txId());
        }

        @Test
        void a_listener_that_throws_ends_only_its_own_subscription() throws Exception {
            t.submit("put", "a", "1");
            List<BlockEvents> healthy = new CopyOnWriteArrayList<>();

            try (AutoCloseable failing = t.ledger.subscribe(0, block -> {
                        throw new IllegalStateException("read model bug");
                    });
                    AutoCloseable working = t.ledger.subscribe(0, healthy::add)) {
                t.submit("put", "b", "2");
                awaitSize(healthy, 2);
            }

            assertThat(t.submit("put", "c", "3").status()).isEqualTo(TxStatus.VALID);
        }

        @Test
        void delivers_blocks_without_events_so_checkpoints_advance() throws Exception {
            t.submit("remove", "nothing");
            List<BlockEvents> seen = new CopyOnWriteArrayList<>();

            try (AutoCloseable subscription = t.ledger.subscribe(0, seen::add)) {
                awaitSize(seen, 1);
            }

            assertThat(seen.get(0).events()).isEmpty();
        }
    }

    @Nested
    class GroupCommit {

        @Test
        void puts_concurrent_submissions_into_few_blocks_and_acknowledges_only_durable_ones() throws Exception {
            int transactions = 400;
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<String> notDurableWhenAcknowledged = new CopyOnWriteArrayList<>();
            List<CompletableFuture<TxResult>> results = new ArrayList<>();
            try {
                for (int i = 0; i < transactions; i++) {
                    String key = "k" + i;
                    results.add(CompletableFuture.supplyAsync(
                                    () -> t.ledger.submit(t.proposal("put", key, "v")), clients)
                            .thenCompose(future -> future)
                            .whenComplete((result, error) -> {
                                if (!durable(result)) {
                                    notDurableWhenAcknowledged.add(result.txId());
                                }
                            }));
                }
                CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                        .get(60, TimeUnit.SECONDS);
            } finally {
                clients.shutdown();
            }

            assertThat(results).allSatisfy(r -> assertThat(r.join().status()).isEqualTo(TxStatus.VALID));
            assertThat(notDurableWhenAcknowledged).isEmpty();
            assertThat(t.ledger.height() - 1).isLessThan(transactions / 4);
            assertThat(t.ledger.verify().ok()).isTrue();
        }

        /** The block holding the transaction is in the index and wholly inside the block file. */
        private boolean durable(TxResult result) {
            return t.ledger
                    .locate(result.txId())
                    .map(location -> {
                        try {
                            long end = blockEnd(location.blockNumber());
                            return Files.size(dir.resolve(LedgerStore.BLOCK_FILE)) >= end;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .orElse(false);
        }

        private long blockEnd(long number) {
            return t.ledger.store().location(number).orElseThrow().end();
        }
    }

    @Nested
    class TrustedCas {

        @Test
        void records_a_new_configuration_block_when_trusted_cas_change() {
            var other = CertificateAuthority.create("Org2MSP", "org2.example.com");
            long height = t.ledger.height();
            t.ledger.close();

            t.ledger = EmbeddedLedger.open(
                    t.config(Map.of(
                            TestLedger.MSP, List.of(t.ca.certificate()), "Org2MSP", List.of(other.certificate()))),
                    TestLedger.chaincode());

            assertThat(t.ledger.height()).isEqualTo(height + 1);
            TxResult result = t.submit(TestLedger.proposal(other.enroll("bob", "inspector"), "put", "k", "v"));
            assertThat(result.status()).isEqualTo(TxStatus.VALID);
            assertThat(t.ledger.verify().ok()).isTrue();
        }
    }

    static <T> void awaitSize(List<T> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }
}
