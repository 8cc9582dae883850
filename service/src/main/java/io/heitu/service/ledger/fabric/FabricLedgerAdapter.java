package io.heitu.service.ledger.fabric;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.BlockEvents;
import io.heitu.service.ledger.Committed;
import io.heitu.service.ledger.Ledger;
import io.heitu.service.ledger.LedgerException;
import io.heitu.service.ledger.TxProof;
import io.heitu.service.ledger.Verification;
import io.heitu.service.membership.Membership;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.Block;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The ledger port on a real Fabric network through the Fabric Gateway: one reused gRPC channel per
 * peer, and a gateway per user carrying that user's own X.509 identity and signer, connected to
 * their organisation's gateway peer. Users' certificates come from their organisation's CA in the
 * channel MSP (imported from the network profile), with the role attribute, so peers accept them
 * and the chaincode sees the same roles as on the embedded ledger.
 */
@Component
@ConditionalOnProperty(name = "heitu.ledger.mode", havingValue = "fabric")
class FabricLedgerAdapter implements Ledger, DisposableBean {

    private final FabricProfile profile;
    private final Membership membership;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();
    private final BlockReader blocks;

    /** The network's CAs are adopted by {@link FabricCas}, a start-up step of their own. */
    FabricLedgerAdapter(FabricProfile profile, Membership membership) {
        this.profile = profile;
        this.membership = membership;
        profile.peers().forEach(peer -> channels.put(peer.mspId(), Channels.open(peer)));
        this.blocks = new BlockReader(this::contractFor, profile.channel());
    }

    @Override
    public Committed submit(Enrollment actor, String transaction, String requestJson) {
        try {
            SubmittedTransaction submitted = contract(actor)
                    .newProposal(transaction)
                    .addArguments(requestJson)
                    .build()
                    .endorse(Deadlines.ENDORSE)
                    .submitAsync(Deadlines.SUBMIT);
            Status status = submitted.getStatus(Deadlines.COMMIT_STATUS);
            if (!status.isSuccessful()) {
                throw GatewayErrors.invalid(status.getTransactionId(), status.getCode());
            }
            String blockHash = blocks.blockHash(actor, status.getBlockNumber()).orElse("");
            return new Committed(
                    new String(submitted.getResult(), StandardCharsets.UTF_8),
                    status.getTransactionId(),
                    status.getBlockNumber(),
                    blockHash);
        } catch (GatewayException e) {
            throw GatewayErrors.translate(e);
        } catch (io.grpc.StatusRuntimeException e) {
            throw new LedgerException.Unavailable(
                    "Fabric gateway " + e.getStatus().getCode(), e);
        }
    }

    @Override
    public String evaluate(Enrollment actor, String transaction, String requestJson) {
        try {
            byte[] result = contract(actor)
                    .newProposal(transaction)
                    .addArguments(requestJson)
                    .build()
                    .evaluate(Deadlines.EVALUATE);
            return new String(result, StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            throw GatewayErrors.translate(e);
        } catch (io.grpc.StatusRuntimeException e) {
            throw new LedgerException.Unavailable(
                    "Fabric gateway " + e.getStatus().getCode(), e);
        }
    }

    @Override
    public AutoCloseable follow(long afterBlock, Consumer<BlockEvents> listener) {
        Gateway gateway = gateway(readerEnrollment());
        return ChaincodeEventFollower.start(
                gateway.getNetwork(profile.channel()), profile.chaincode(), afterBlock, listener);
    }

    @Override
    public Optional<TxProof> proof(String txId) {
        Enrollment reader = readerEnrollment();
        return blocks.blockOf(reader, txId)
                .map(block -> new TxProof(
                        txId,
                        block.getHeader().getNumber(),
                        blocks.indexOf(block, txId),
                        HexFormat.of().formatHex(BlockProofs.headerHash(block.getHeader())),
                        Instant.now()));
    }

    @Override
    public Verification verify() {
        return blocks.verifyChain(readerEnrollment());
    }

    @Override
    public String kind() {
        return "fabric";
    }

    @Override
    public void destroy() {
        gateways.values().forEach(Gateway::close);
        channels.values().forEach(Channels::close);
    }

    private Contract contract(Enrollment actor) {
        return gateway(actor).getNetwork(profile.channel()).getContract(profile.chaincode());
    }

    private Contract contractFor(Enrollment actor, String chaincode) {
        return gateway(actor).getNetwork(profile.channel()).getContract(chaincode);
    }

    /** One gateway per signing identity, all sharing the gateway peer's channel. */
    private Gateway gateway(Enrollment actor) {
        String key = actor.mspId() + "/" + actor.certificate().getSerialNumber();
        return gateways.computeIfAbsent(
                key,
                k -> Gateway.newInstance()
                        .identity(new org.hyperledger.fabric.client.identity.X509Identity(
                                actor.mspId(), actor.certificate()))
                        .signer(org.hyperledger.fabric.client.identity.Signers.newPrivateKeySigner(actor.privateKey()))
                        .hash(org.hyperledger.fabric.client.Hash.SHA256)
                        .connection(channels.get(
                                profile.gatewayPeerOf(actor.mspId()).mspId()))
                        .connect());
    }

    private Enrollment readerEnrollment() {
        return membership
                .anyEnrollment("regulator")
                .orElseThrow(() -> new IllegalStateException("no user to read the ledger with"));
    }

    static Block parse(byte[] bytes) {
        try {
            return Block.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the peer returned a block that does not parse", e);
        }
    }
}
