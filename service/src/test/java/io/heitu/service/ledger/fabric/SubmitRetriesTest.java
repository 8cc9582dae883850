package io.heitu.service.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubmitRetriesTest {

    private static EndorseException endorseFailure(String message, ErrorDetail... details) {
        com.google.rpc.Status.Builder status =
                com.google.rpc.Status.newBuilder().setCode(Code.ABORTED_VALUE).setMessage(message);
        for (ErrorDetail detail : details) {
            status.addDetails(Any.pack(detail));
        }
        return new EndorseException("tx1", StatusProto.toStatusRuntimeException(status.build()));
    }

    private static ErrorDetail refusal(String mspId, String message) {
        return ErrorDetail.newBuilder()
                .setAddress("127.0.0.1:8051")
                .setMspId(mspId)
                .setMessage(message)
                .build();
    }

    @Nested
    class OnlyOtherEndorsersRefused {

        @Test
        void a_refusal_by_another_organisations_peer_alone_may_be_a_stale_read() {
            var e = endorseFailure(
                    "failed to endorse transaction, see attached details for more info",
                    refusal("ChangchunMartMSP", "chaincode response 500, FORBIDDEN_NOT_OWNER: lot moved"));
            assertThat(SubmitRetries.onlyOtherEndorsersRefused(e, "ShulanRiceCoopMSP"))
                    .isTrue();
        }

        @Test
        void a_refusal_by_the_gateways_own_peer_is_an_answer() {
            var e = endorseFailure(
                    "failed to endorse transaction",
                    refusal("ShulanRiceCoopMSP", "chaincode response 500, FORBIDDEN_ROLE: no"),
                    refusal("ChangchunMartMSP", "chaincode response 500, FORBIDDEN_ROLE: no"));
            assertThat(SubmitRetries.onlyOtherEndorsersRefused(e, "ShulanRiceCoopMSP"))
                    .isFalse();
        }

        @Test
        void a_failure_without_details_is_not_taken_for_one() {
            assertThat(SubmitRetries.onlyOtherEndorsersRefused(endorseFailure("boom"), "ShulanRiceCoopMSP"))
                    .isFalse();
        }
    }

    @Test
    void endorsers_that_answered_differently_are_recognised() {
        assertThat(SubmitRetries.endorsementsDiffer(
                        endorseFailure("failed to assemble transaction: ProposalResponsePayloads do not match")))
                .isTrue();
        assertThat(SubmitRetries.endorsementsDiffer(endorseFailure(
                        "failed to endorse transaction",
                        refusal("ChangchunMartMSP", "ProposalResponsePayloads do not match"))))
                .isTrue();
        assertThat(SubmitRetries.endorsementsDiffer(endorseFailure("failed to endorse transaction")))
                .isFalse();
    }

    @Test
    void the_backoff_doubles_with_jitter_and_stays_bounded() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            long nominal = 100L << Math.min(attempt - 1, 4);
            Duration backoff = SubmitRetries.backoff(attempt);
            assertThat(backoff.toMillis()).isBetween(nominal * 3 / 4, nominal * 5 / 4);
        }
        long worst = 0;
        for (int attempt = 1; attempt < SubmitRetries.MAX_ATTEMPTS; attempt++) {
            worst += (100L << (attempt - 1)) * 5 / 4;
        }
        assertThat(worst).as("the most a client waits on retries").isLessThan(2_000);
    }
}
