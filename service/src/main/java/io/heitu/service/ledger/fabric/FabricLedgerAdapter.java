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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.Block;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedgerAdapter.class);

    private final FabricProfile profile;
    private final Membership membership;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();
    private final BlockReader blocks;
    /** The highest block any acknowledged submit of this service was committed in, plus one. */
    private final AtomicLong acknowledgedHeight = new AtomicLong();

    /** The network's CAs are adopted by {@link FabricCas}, a start-up step of their own. */
    FabricLedgerAdapter(FabricProfile profile, Membership membership) {
        this.profile = profile;
        this.membership = membership;
        profile.peers().forEach(peer -> channels.put(peer.mspId(), Channels.open(peer)));
        this.blocks = new BlockReader(this::contractFor, profile.channel());
    }

    /**
     * Submits, and tries again (a new proposal each time, backing off) while the failure is one
     * that time cures ({@link SubmitRetries}); says so only when it gives up.
     */
    @Override
    public Committed submit(Enrollment actor, String transaction, String requestJson) {
        return submit(actor, transaction, requestJson, Map.of());
    }

    /**
     * With transient data the gateway endorses only on peers of organisations in the private data
     * collections written (it refuses rather than show the data to other peers).
     */
    @Override
    public Committed submit(
            Enrollment actor, String transaction, String requestJson, Map<String, byte[]> transientData) {
        String gatewayMsp = profile.gatewayPeerOf(actor.mspId()).mspId();
        for (int attempt = 1; ; attempt++) {
            LedgerException failure;
            boolean retry;
            boolean contention;
            try {
                return submitOnce(actor, transaction, requestJson, transientData);
            } catch (EndorseException e) {
                failure = GatewayErrors.translate(e);
                contention = SubmitRetries.endorsementsDiffer(e);
                retry = contention
                        || failure instanceof LedgerException.Rejected
                                && (SubmitRetries.onlyOtherEndorsersRefused(e, gatewayMsp) || gatewayPeerBehind(actor));
            } catch (LedgerException.Conflict e) {
                failure = e;
                contention = true;
                retry = true;
            }
            if (!retry) {
                throw failure;
            }
            if (attempt == SubmitRetries.MAX_ATTEMPTS) {
                throw gaveUp(transaction, failure, attempt, contention);
            }
            LOG.debug("{} attempt {} failed, trying again: {}", transaction, attempt, failure.getMessage());
            pause(SubmitRetries.backoff(attempt));
        }
    }

    private Committed submitOnce(
            Enrollment actor, String transaction, String requestJson, Map<String, byte[]> transientData)
            throws EndorseException {
        try {
            SubmittedTransaction submitted = contract(actor)
                    .newProposal(transaction)
                    .addArguments(requestJson)
                    .putAllTransient(transientData)
                    .build()
                    .endorse(Deadlines.ENDORSE)
                    .submitAsync(Deadlines.SUBMIT);
            Status status = submitted.getStatus(Deadlines.COMMIT_STATUS);
            if (!status.isSuccessful()) {
                throw GatewayErrors.invalid(status.getTransactionId(), status.getCode());
            }
            acknowledgedHeight.accumulateAndGet(status.getBlockNumber() + 1, Math::max);
            // No block hash here: reading the block back through qscc cost every submit a second
            // round trip and the peer a whole block; the ledger proof reads it when asked.
            return new Committed(
                    new String(submitted.getResult(), StandardCharsets.UTF_8),
                    status.getTransactionId(),
                    status.getBlockNumber(),
                    "");
        } catch (EndorseException e) {
            throw e;
        } catch (GatewayException e) {
            throw GatewayErrors.translate(e);
        } catch (io.grpc.StatusRuntimeException e) {
            throw new LedgerException.Unavailable(
                    "Fabric gateway " + e.getStatus().getCode(), e);
        }
    }

    /**
     * Whether the gateway's own peer has yet to commit a block this service already acknowledged
     * (another peer committed it): then its refusal may rest on stale state, and the backoff gives
     * it time to catch up.
     */
    private boolean gatewayPeerBehind(Enrollment actor) {
        long acknowledged = acknowledgedHeight.get();
        try {
            return blocks.height(actor) < acknowledged;
        } catch (LedgerException e) {
            return false;
        }
    }

    /**
     * Still losing races (MVCC, or endorsers that kept answering differently because the state
     * they read kept changing) is a concurrent update: 409. Endorsers that kept refusing what the
     * gateway's own peer accepts are peers out of step: 503.
     */
    private static LedgerException gaveUp(String transaction, LedgerException last, int attempts, boolean contention) {
        LOG.warn("{} failed {} times, giving up: {}", transaction, attempts, last.getMessage());
        if (contention) {
            return new LedgerException.Conflict(last.getMessage(), attempts);
        }
        return new LedgerException.Unavailable(
                "the endorsing peers still disagree after " + attempts + " attempts: " + last.getMessage(),
                last,
                attempts);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException.Unavailable("interrupted while retrying", e);
        }
    }

    @Override
    public String evaluate(Enrollment actor, String transaction, String requestJson) {
        return evaluate(actor, transaction, requestJson, Map.of());
    }

    /** With transient data the gateway evaluates on its own organisation's peer only. */
    @Override
    public String evaluate(
            Enrollment actor, String transaction, String requestJson, Map<String, byte[]> transientData) {
        try {
            byte[] result = contract(actor)
                    .newProposal(transaction)
                    .addArguments(requestJson)
                    .putAllTransient(transientData)
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
        return BlockFollower.start(gateway.getNetwork(profile.channel()), profile.chaincode(), afterBlock, listener);
    }

    /** The reader's gateway peer's height; 0 (replay everything) when it cannot be read. */
    @Override
    public long height() {
        try {
            return blocks.height(readerEnrollment());
        } catch (LedgerException e) {
            LOG.warn("cannot read the channel height: {}", e.getMessage());
            return 0;
        }
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
