package io.heitu.ledger.embedded.proposal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.heitu.identity.Enrollment;
import io.heitu.ledger.embedded.blocks.Hashes;
import io.heitu.ledger.sim.TxProposal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeSpec;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * Builds and reads Fabric signed proposals, byte for byte what a Fabric client sends a peer, so the
 * same client code can target the embedded ledger or a real network.
 */
public final class Proposals {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_LENGTH = 24;

    private Proposals() {}

    /**
     * A proposal to invoke {@code chaincode} with {@code args} (function name first), signed by
     * {@code user}. The transaction id is Fabric's: hex(SHA-256(nonce ‖ creator)).
     */
    public static SignedProposal create(
            Enrollment user, String channel, String chaincode, List<String> args, Instant timestamp) {
        return create(user, channel, chaincode, args, Map.of(), timestamp);
    }

    /**
     * As {@link #create(Enrollment, String, String, List, Instant)}, with transient data. The signed
     * proposal carries only each value's SHA-256 under its name: the proposal is what the block keeps,
     * and private values must never reach a block. The values travel beside the proposal; the ledger
     * accepts them only if they match the digests the user signed, so the signature still binds them.
     */
    public static SignedProposal create(
            Enrollment user,
            String channel,
            String chaincode,
            List<String> args,
            Map<String, byte[]> transientData,
            Instant timestamp) {
        byte[] creator = user.serializedIdentity();
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        ChaincodeID chaincodeId = ChaincodeID.newBuilder().setName(chaincode).build();
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(channel)
                .setTxId(txId(nonce, creator))
                .setTimestamp(Timestamp.newBuilder()
                        .setSeconds(timestamp.getEpochSecond())
                        .setNanos(timestamp.getNano()))
                .setExtension(ChaincodeHeaderExtension.newBuilder()
                        .setChaincodeId(chaincodeId)
                        .build()
                        .toByteString())
                .build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder()
                .setCreator(ByteString.copyFrom(creator))
                .setNonce(ByteString.copyFrom(nonce))
                .build();
        ChaincodeInput.Builder input = ChaincodeInput.newBuilder();
        args.forEach(arg -> input.addArgs(ByteString.copyFrom(arg, StandardCharsets.UTF_8)));
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.newBuilder()
                .setChaincodeSpec(ChaincodeSpec.newBuilder()
                        .setType(ChaincodeSpec.Type.JAVA)
                        .setChaincodeId(chaincodeId)
                        .setInput(input))
                .build();
        Proposal proposal = Proposal.newBuilder()
                .setHeader(Header.newBuilder()
                        .setChannelHeader(channelHeader.toByteString())
                        .setSignatureHeader(signatureHeader.toByteString())
                        .build()
                        .toByteString())
                .setPayload(ChaincodeProposalPayload.newBuilder()
                        .setInput(invocation.toByteString())
                        .putAllTransientMap(digests(transientData))
                        .build()
                        .toByteString())
                .build();
        byte[] proposalBytes = proposal.toByteArray();
        return SignedProposal.newBuilder()
                .setProposalBytes(ByteString.copyFrom(proposalBytes))
                .setSignature(ByteString.copyFrom(Signatures.sign(user.privateKey(), proposalBytes)))
                .build();
    }

    /**
     * What the proposal asks for, as the simulator takes it. Checks the structure only, not the
     * signature or the creator.
     *
     * @throws IllegalArgumentException when the bytes are not an endorser transaction proposal
     */
    public static TxProposal decode(SignedProposal signed) {
        return DecodedProposal.parse(signed).tx();
    }

    /** Each transient value's SHA-256 under its name: what a signed proposal carries in its place. */
    public static Map<String, ByteString> digests(Map<String, byte[]> transientData) {
        Map<String, ByteString> digests = new TreeMap<>();
        transientData.forEach((name, value) -> digests.put(name, ByteString.copyFrom(Hashes.sha256(value))));
        return digests;
    }

    /** Fabric's transaction id: lowercase hex of SHA-256 over the nonce followed by the creator. */
    static String txId(byte[] nonce, byte[] creator) {
        return Hashes.hex(Hashes.sha256(nonce, creator));
    }
}
