package io.heitu.ledger.embedded.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.heitu.identity.CertificateAuthority;
import io.heitu.identity.Enrollment;
import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.sim.TxProposal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.junit.jupiter.api.Test;

class ProposalsTest {

    static final Enrollment USER =
            CertificateAuthority.create("Org1MSP", "org1.example.com").enroll("alice", "farmer");
    static final Instant TIME = Instant.parse("2026-05-01T08:30:00.123456789Z");

    @Test
    void decodes_what_it_creates() {
        SignedProposal signed = Proposals.create(USER, "trace", "heitu", List.of("createLot", "{\"id\":1}"), TIME);

        TxProposal tx = Proposals.decode(signed);

        assertThat(tx.channelId()).isEqualTo("trace");
        assertThat(tx.chaincodeName()).isEqualTo("heitu");
        assertThat(tx.timestamp()).isEqualTo(TIME);
        assertThat(tx.creator()).isEqualTo(USER.serializedIdentity());
        assertThat(tx.args())
                .extracting(arg -> new String(arg, StandardCharsets.UTF_8))
                .containsExactly("createLot", "{\"id\":1}");
    }

    @Test
    void derives_the_transaction_id_from_nonce_and_creator_as_fabric_does() throws Exception {
        SignedProposal signed = Proposals.create(USER, "trace", "heitu", List.of("f"), TIME);
        Header header =
                Header.parseFrom(Proposal.parseFrom(signed.getProposalBytes()).getHeader());
        ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader());
        SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());

        assertThat(channelHeader.getType()).isEqualTo(HeaderType.ENDORSER_TRANSACTION_VALUE);
        assertThat(signatureHeader.getNonce().size()).isEqualTo(24);
        assertThat(channelHeader.getTxId())
                .isEqualTo(Hashes.hex(Hashes.sha256(
                        signatureHeader.getNonce().toByteArray(),
                        signatureHeader.getCreator().toByteArray())));
    }

    @Test
    void gives_every_proposal_a_new_transaction_id() {
        String first = Proposals.decode(Proposals.create(USER, "trace", "heitu", List.of("f"), TIME))
                .txId();
        String second = Proposals.decode(Proposals.create(USER, "trace", "heitu", List.of("f"), TIME))
                .txId();

        assertThat(first).isNotEqualTo(second).hasSize(64);
    }

    @Test
    void signs_the_proposal_bytes_with_a_low_s_signature() throws Exception {
        BigInteger halfOrder = ((ECPublicKey) USER.certificate().getPublicKey())
                .getParams()
                .getOrder()
                .shiftRight(1);
        for (int i = 0; i < 20; i++) {
            SignedProposal signed = Proposals.create(USER, "trace", "heitu", List.of("f", "" + i), TIME);
            byte[] signature = signed.getSignature().toByteArray();
            BigInteger s = ASN1Integer.getInstance(
                            ASN1Sequence.getInstance(signature).getObjectAt(1))
                    .getValue();

            assertThat(s).isLessThanOrEqualTo(halfOrder);
            assertThat(Signatures.verifyingKey(USER.certificate().getPublicKey())
                            .verify(signed.getProposalBytes().toByteArray(), signature))
                    .isTrue();
        }
    }

    @Test
    void signs_what_the_jdk_verifies_and_rejects_the_high_s_twin() throws Exception {
        SignedProposal signed = Proposals.create(USER, "trace", "heitu", List.of("f"), TIME);
        byte[] message = signed.getProposalBytes().toByteArray();
        byte[] signature = signed.getSignature().toByteArray();
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(USER.certificate().getPublicKey());
        jdk.update(message);
        ASN1Sequence rs = ASN1Sequence.getInstance(signature);
        BigInteger order =
                ((ECPublicKey) USER.certificate().getPublicKey()).getParams().getOrder();
        byte[] highS = new DERSequence(new ASN1Integer[] {
                    ASN1Integer.getInstance(rs.getObjectAt(0)),
                    new ASN1Integer(order.subtract(
                            ASN1Integer.getInstance(rs.getObjectAt(1)).getValue()))
                })
                .getEncoded();

        assertThat(jdk.verify(signature)).isTrue();
        assertThat(Signatures.verifyingKey(USER.certificate().getPublicKey()).verify(message, highS))
                .isFalse();
    }

    @Test
    void refuses_to_decode_bytes_that_are_not_a_proposal() {
        SignedProposal junk = SignedProposal.newBuilder()
                .setProposalBytes(ByteString.copyFromUtf8("junk"))
                .build();

        assertThatThrownBy(() -> Proposals.decode(junk)).isInstanceOf(IllegalArgumentException.class);
    }
}
