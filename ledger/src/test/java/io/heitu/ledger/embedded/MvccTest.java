package io.heitu.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.embedded.commit.TxResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MvccTest {

    @TempDir
    Path dir;

    TestLedger t;
    final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        clients.shutdownNow();
        t.close();
    }

    /** Submits on another thread, for transactions that will wait at a gate. */
    Future<TxResult> submitInBackground(String... args) {
        return clients.submit(() -> t.submit(args));
    }

    @Nested
    class ReadConflict {

        @Test
        void of_two_increments_that_read_the_same_version_only_the_first_ordered_is_valid() throws Exception {
            t = TestLedger.open(dir);
            t.submit("put", "counter", "0");
            Gates.Gate gate = Gates.arm("slow-increment");
            Future<TxResult> slow = submitInBackground("incrementAfterGate", "counter", "slow-increment");
            gate.awaitReached();

            TxResult fast = t.submit("increment", "counter");
            gate.open();
            TxResult late = slow.get(30, TimeUnit.SECONDS);

            assertThat(fast.status()).isEqualTo(TxStatus.VALID);
            assertThat(late.status()).isEqualTo(TxStatus.MVCC_READ_CONFLICT);
            assertThat(late.blockNumber()).isGreaterThan(fast.blockNumber());
            assertThat(t.read("get", "counter")).isEqualTo("1");
            assertThat(t.ledger.locate(late.txId())).isEmpty();
        }

        @Test
        void applies_within_one_block_against_the_writes_of_earlier_transactions() throws Exception {
            // A long block wait: the committer holds the first increment's block open for the second.
            t = TestLedger.open(dir, Duration.ofSeconds(5));
            t.submit("put", "counter", "0");
            Gates.Gate gate = Gates.arm("same-block");
            Future<TxResult> second = submitInBackground("incrementAfterGate", "counter", "same-block");
            gate.awaitReached();

            CompletableFuture<TxResult> first = t.ledger.submit(t.proposal("increment", "counter"));
            gate.open();

            TxResult firstResult = first.get(30, TimeUnit.SECONDS);
            TxResult secondResult = second.get(30, TimeUnit.SECONDS);
            assertThat(firstResult.status()).isEqualTo(TxStatus.VALID);
            assertThat(secondResult.status()).isEqualTo(TxStatus.MVCC_READ_CONFLICT);
            assertThat(secondResult.blockNumber()).isEqualTo(firstResult.blockNumber());
            assertThat(t.read("get", "counter")).isEqualTo("1");
            assertThat(t.ledger.verify().ok()).isTrue();
        }
    }

    @Nested
    class PhantomRead {

        @Test
        void a_key_inserted_into_a_scanned_range_invalidates_the_scan() throws Exception {
            t = TestLedger.open(dir);
            t.submit("put", "lot-1", "x");
            Gates.Gate gate = Gates.arm("scan");
            Future<TxResult> scan = submitInBackground("countRangeAfterGate", "lot-", "lot.", "lot-count", "scan");
            gate.awaitReached();

            TxResult insert = t.submit("put", "lot-2", "y");
            gate.open();
            TxResult result = scan.get(30, TimeUnit.SECONDS);

            assertThat(insert.status()).isEqualTo(TxStatus.VALID);
            assertThat(result.status()).isEqualTo(TxStatus.PHANTOM_READ_CONFLICT);
            assertThat(t.read("get", "lot-count")).isNull();
        }

        @Test
        void a_key_written_outside_the_range_does_not() throws Exception {
            t = TestLedger.open(dir);
            t.submit("put", "lot-1", "x");
            Gates.Gate gate = Gates.arm("scan-outside");
            Future<TxResult> scan =
                    submitInBackground("countRangeAfterGate", "lot-", "lot.", "lot-count", "scan-outside");
            gate.awaitReached();

            t.submit("put", "other", "y");
            gate.open();

            assertThat(scan.get(30, TimeUnit.SECONDS).status()).isEqualTo(TxStatus.VALID);
            assertThat(t.read("get", "lot-count")).isEqualTo("1");
        }
    }

    @Nested
    class LostUpdate {

        @Test
        void never_happens_when_clients_retry_conflicts() throws Exception {
            t = TestLedger.open(dir);
            int threads = 8;
            int incrementsEach = 25;
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                conflicts.add(clients.submit(() -> incrementWithRetry(incrementsEach)));
            }
            int totalConflicts = 0;
            for (Future<Integer> f : conflicts) {
                totalConflicts += f.get(120, TimeUnit.SECONDS);
            }

            assertThat(t.read("get", "counter")).isEqualTo(Integer.toString(threads * incrementsEach));
            assertThat(totalConflicts).as("the race really happened").isPositive();
            assertThat(t.ledger.verify().ok()).isTrue();
        }

        private int incrementWithRetry(int times) {
            int conflicts = 0;
            for (int done = 0; done < times; ) {
                TxResult result = t.submit("increment", "counter");
                if (result.status() == TxStatus.VALID) {
                    done++;
                } else {
                    assertThat(result.status()).isEqualTo(TxStatus.MVCC_READ_CONFLICT);
                    conflicts++;
                }
            }
            return conflicts;
        }
    }
}
