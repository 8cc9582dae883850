package io.heitu.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TraceLedgerTest {

    private static final Enrollment FARMER =
            CertificateAuthority.create("ShulanRiceCoopMSP", "舒兰").enroll("farmer", "producer");

    /** A ledger whose every submit loses an MVCC race, as often as asked, after so many tries of its own. */
    private static final class Losing implements Ledger {
        private final int triedAlready;
        int submits;

        Losing(int triedAlready) {
            this.triedAlready = triedAlready;
        }

        @Override
        public Committed submit(Enrollment actor, String transaction, String requestJson) {
            submits++;
            throw triedAlready > 1
                    ? new LedgerException.Conflict("MVCC_READ_CONFLICT", triedAlready)
                    : new LedgerException.Conflict("MVCC_READ_CONFLICT");
        }

        @Override
        public String evaluate(Enrollment actor, String transaction, String requestJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AutoCloseable follow(long afterBlock, Consumer<BlockEvents> listener) {
            return () -> {};
        }

        @Override
        public Optional<TxProof> proof(String txId) {
            return Optional.empty();
        }

        @Override
        public Verification verify() {
            return new Verification(true, 0, 0, null, null);
        }

        @Override
        public String kind() {
            return "losing";
        }
    }

    @Nested
    class Conflicts {

        @Test
        void a_lost_race_is_simulated_again_a_bounded_number_of_times() {
            Losing ledger = new Losing(1);
            TraceLedger trace = new TraceLedger(ledger, JsonMapper.builder().build());

            assertThatThrownBy(() -> trace.registerOrganisation(FARMER, Map.of("mspId", "XMSP")))
                    .isInstanceOf(LedgerException.Conflict.class);
            assertThat(ledger.submits).isEqualTo(TraceLedger.ATTEMPTS);
        }

        @Test
        void a_conflict_the_adapter_already_retried_is_final() {
            Losing ledger = new Losing(5);
            TraceLedger trace = new TraceLedger(ledger, JsonMapper.builder().build());

            assertThatThrownBy(() -> trace.registerOrganisation(FARMER, Map.of("mspId", "XMSP")))
                    .isInstanceOf(LedgerException.Conflict.class)
                    .satisfies(e -> assertThat(((LedgerException) e).attempts()).isEqualTo(5));
            assertThat(ledger.submits).as("no retries on top of the adapter's").isEqualTo(1);
        }
    }
}
