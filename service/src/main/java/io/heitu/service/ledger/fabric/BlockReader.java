package io.heitu.service.ledger.fabric;

import io.heitu.identity.Enrollment;
import io.heitu.service.ledger.Verification;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;

/**
 * Reads blocks through the peers' query system chaincode ({@code qscc}) for ledger proofs, and
 * walks the chain recomputing each header hash and data hash for {@code verify}.
 */
final class BlockReader {

    private final BiFunction<Enrollment, String, Contract> contracts;
    private final String channel;

    BlockReader(BiFunction<Enrollment, String, Contract> contracts, String channel) {
        this.contracts = contracts;
        this.channel = channel;
    }

    /** The channel's height on the reader's gateway peer. */
    long height(Enrollment reader) {
        try {
            return BlockchainInfo.parseFrom(qscc(reader).evaluateTransaction("GetChainInfo", channel))
                    .getHeight();
        } catch (GatewayException e) {
            throw GatewayErrors.translate(e);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("the peer's chain info does not parse", e);
        }
    }

    Optional<Block> blockOf(Enrollment reader, String txId) {
        try {
            return Optional.of(
                    FabricLedgerAdapter.parse(qscc(reader).evaluateTransaction("GetBlockByTxID", channel, txId)));
        } catch (GatewayException notFound) {
            return Optional.empty();
        }
    }

    int indexOf(Block block, String txId) {
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            try {
                Payload payload = Payload.parseFrom(
                        Envelope.parseFrom(block.getData().getData(i)).getPayload());
                if (ChannelHeader.parseFrom(payload.getHeader().getChannelHeader())
                        .getTxId()
                        .equals(txId)) {
                    return i;
                }
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                return -1;
            }
        }
        return -1;
    }

    Verification verifyChain(Enrollment reader) {
        try {
            BlockchainInfo info = BlockchainInfo.parseFrom(qscc(reader).evaluateTransaction("GetChainInfo", channel));
            byte[] previous = null;
            for (long number = 0; number < info.getHeight(); number++) {
                Block block = block(reader, number).orElseThrow();
                String problem = check(block, previous);
                if (problem != null) {
                    return new Verification(false, number + 1, 0, number, problem);
                }
                previous = BlockProofs.headerHash(block.getHeader());
            }
            return new Verification(true, info.getHeight(), 0, null, null);
        } catch (GatewayException | com.google.protobuf.InvalidProtocolBufferException e) {
            return new Verification(false, 0, 0, null, "cannot read the chain: " + e.getMessage());
        }
    }

    private static String check(Block block, byte[] previousHash) {
        if (!Arrays.equals(
                BlockProofs.dataHash(block), block.getHeader().getDataHash().toByteArray())) {
            return "data hash does not match the block's transactions";
        }
        if (previousHash != null
                && !Arrays.equals(
                        previousHash, block.getHeader().getPreviousHash().toByteArray())) {
            return "previous hash does not match the block before";
        }
        return null;
    }

    private Optional<Block> block(Enrollment reader, long number) {
        try {
            return Optional.of(FabricLedgerAdapter.parse(
                    qscc(reader).evaluateTransaction("GetBlockByNumber", channel, Long.toString(number))));
        } catch (GatewayException e) {
            return Optional.empty();
        }
    }

    private Contract qscc(Enrollment reader) {
        return contracts.apply(reader, "qscc");
    }
}
