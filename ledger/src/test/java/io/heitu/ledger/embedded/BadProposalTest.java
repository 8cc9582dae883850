package io.heitu.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.ledger.embedded.blocks.TxStatus;
import io.heitu.ledger.embedded.commit.TxResult;
import io.heitu.ledger.embedded.proposal.Proposals;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadProposalTest {

    @TempDir
    Path dir;

    TestLedger t;
    long height;

    @BeforeEach
    void open() {
        t = TestLedger.open(dir);
        t.submit("put", "k", "original");
        height = t.ledger.height();
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void rejects_a_signature_by_another_key() {
        SignedProposal genuine = t.proposal("put", "k", "forged");
        SignedProposal other = TestLedger.proposal(t.ca.enroll("mallory", "farmer"), "put", "k", "forged");

        assertRejected(genuine.toBuilder().setSignature(other.getSignature()).build(), "signature");
    }

    @Test
    void rejects_a_creator_from_an_unknown_ca_claiming_a_trusted_msp() {
        Enrollment stranger =
                CertificateAuthority.create(TestLedger.MSP, "rogue.example.com").enroll("mallory", "farmer");

        assertRejected(TestLedger.proposal(stranger, "put", "k", "forged"), "chain");
    }

    @Test
    void rejects_a_creator_of_an_msp_the_channel_does_not_know() {
        Enrollment stranger =
                CertificateAuthority.create("OtherMSP", "other.example.com").enroll("bob", "farmer");

        assertRejected(TestLedger.proposal(stranger, "put", "k", "forged"), "not trusted");
    }

    @Test
    void rejects_arguments_changed_after_signing() throws Exception {
        SignedProposal signed = t.proposal("put", "k", "honest");
        Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
        ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
        ChaincodeInvocationSpec spec = ChaincodeInvocationSpec.parseFrom(payload.getInput());
        ChaincodeInvocationSpec tampered = spec.toBuilder()
                .setChaincodeSpec(spec.getChaincodeSpec().toBuilder()
                        .setInput(ChaincodeInput.newBuilder()
                                .addArgs(ByteString.copyFromUtf8("put"))
                                .addArgs(ByteString.copyFromUtf8("k"))
                                .addArgs(ByteString.copyFromUtf8("forged"))))
                .build();
        Proposal changed = proposal.toBuilder()
                .setPayload(payload.toBuilder()
                        .setInput(tampered.toByteString())
                        .build()
                        .toByteString())
                .build();

        assertRejected(
                signed.toBuilder().setProposalBytes(changed.toByteString()).build(), "signature");
    }

    @Test
    void rejects_an_expired_certificate() {
        Enrollment expired = ExpiredCertificates.enroll(t.ca, "old-timer");

        assertRejected(TestLedger.proposal(expired, "put", "k", "forged"), "valid");
    }

    @Test
    void rejects_a_proposal_for_another_channel() {
        SignedProposal wrongChannel = Proposals.create(
                t.user, "elsewhere", TestLedger.CHAINCODE, List.of("put", "k", "forged"), Instant.now());

        assertRejected(wrongChannel, "channel");
    }

    @Test
    void rejects_a_replayed_transaction_id_and_commits_it_once() {
        SignedProposal proposal = t.proposal("put", "k", "once");
        TxResult first = t.submit(proposal);

        TxResult replay = t.submit(proposal);

        assertThat(first.status()).isEqualTo(TxStatus.VALID);
        assertThat(replay.status()).isEqualTo(TxStatus.DUPLICATE_TXID);
        assertThat(replay.blockNumber()).isEqualTo(-1);
        assertThat(t.ledger.height()).isEqualTo(height + 1);
        assertThat(t.ledger.locate(first.txId()).orElseThrow().blockNumber()).isEqualTo(first.blockNumber());
    }

    @Test
    void rejects_a_replay_that_races_the_original() throws Exception {
        SignedProposal proposal = t.proposal("put", "k", "once");

        var a = t.ledger.submit(proposal);
        var b = t.ledger.submit(proposal);

        assertThat(List.of(a.get().status(), b.get().status()))
                .containsExactlyInAnyOrder(TxStatus.VALID, TxStatus.DUPLICATE_TXID);
    }

    @Test
    void rejects_bytes_that_are_not_a_proposal() {
        SignedProposal junk = SignedProposal.newBuilder()
                .setProposalBytes(ByteString.copyFromUtf8("not a proposal"))
                .build();

        assertRejected(junk, "");
    }

    private void assertRejected(SignedProposal proposal, String reason) {
        TxResult result = t.submit(proposal);

        assertThat(result.status()).isEqualTo(TxStatus.BAD_PROPOSAL);
        assertThat(result.message()).containsIgnoringCase(reason);
        assertThat(result.blockNumber()).isEqualTo(-1);
        assertThat(t.ledger.evaluate(proposal).status()).isEqualTo(TxStatus.BAD_PROPOSAL);
        assertThat(t.ledger.height()).isEqualTo(height);
        assertThat(t.read("get", "k")).isEqualTo("original");
    }
}
