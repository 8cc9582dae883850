package io.heitu.ledger.embedded.proposal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.heitu.ledger.sim.TxProposal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/** A signed proposal taken apart: the transaction it asks for and what its signature covers. */
public record DecodedProposal(TxProposal tx, byte[] nonce, byte[] proposalBytes, byte[] signature) {

    public static DecodedProposal parse(byte[] signedProposal) {
        try {
            return parse(SignedProposal.parseFrom(signedProposal));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a signed proposal", e);
        }
    }

    static DecodedProposal parse(SignedProposal signed) {
        try {
            Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
            Header header = Header.parseFrom(proposal.getHeader());
            ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader());
            SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());
            if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                throw new IllegalArgumentException("not an endorser transaction: type " + channelHeader.getType());
            }
            ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
            ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.parseFrom(payload.getInput());
            // The signed proposal holds transient digests only (see Proposals#create): the values
            // join the transaction in the endorser, once they match.
            Map<String, byte[]> transientDigests = new TreeMap<>();
            payload.getTransientMapMap().forEach((name, digest) -> transientDigests.put(name, digest.toByteArray()));
            List<byte[]> args = invocation.getChaincodeSpec().getInput().getArgsList().stream()
                    .map(ByteString::toByteArray)
                    .toList();
            Instant timestamp = Instant.ofEpochSecond(
                    channelHeader.getTimestamp().getSeconds(),
                    channelHeader.getTimestamp().getNanos());
            TxProposal tx = new TxProposal(
                    channelHeader.getChannelId(),
                    invocation.getChaincodeSpec().getChaincodeId().getName(),
                    channelHeader.getTxId(),
                    timestamp,
                    signatureHeader.getCreator().toByteArray(),
                    args,
                    transientDigests);
            return new DecodedProposal(
                    tx,
                    signatureHeader.getNonce().toByteArray(),
                    signed.getProposalBytes().toByteArray(),
                    signed.getSignature().toByteArray());
        } catch (InvalidProtocolBufferException | DateTimeException e) {
            throw new IllegalArgumentException("malformed proposal", e);
        }
    }
}
