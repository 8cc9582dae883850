package io.heitu.service.ledger.fabric;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.heitu.service.ledger.BlockEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The chaincode events of a whole block, read from the block itself: only valid endorser
 * transactions count (the block's transaction filter), in block order. Reading whole blocks,
 * unlike Fabric's per-event stream, tells a follower when a block is complete, so it can
 * checkpoint after each block without losing the block's later events.
 */
final class BlockContents {

    private BlockContents() {}

    static BlockEvents events(Block block, String chaincode) {
        ByteString filter = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
                : ByteString.EMPTY;
        List<BlockEvents.Event> events = new ArrayList<>();
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            if (i < filter.size() && filter.byteAt(i) != TxValidationCode.VALID_VALUE) {
                continue;
            }
            try {
                event(block.getData().getData(i), chaincode, events);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(
                        "transaction " + i + " of block " + block.getHeader().getNumber() + " does not parse", e);
            }
        }
        return new BlockEvents(block.getHeader().getNumber(), events);
    }

    private static void event(ByteString envelope, String chaincode, List<BlockEvents.Event> events)
            throws InvalidProtocolBufferException {
        Payload payload = Payload.parseFrom(Envelope.parseFrom(envelope).getPayload());
        ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            return;
        }
        for (TransactionAction action : Transaction.parseFrom(payload.getData()).getActionsList()) {
            ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
            ProposalResponsePayload response =
                    ProposalResponsePayload.parseFrom(actionPayload.getAction().getProposalResponsePayload());
            ChaincodeEvent event = ChaincodeEvent.parseFrom(
                    ChaincodeAction.parseFrom(response.getExtension()).getEvents());
            if (chaincode.equals(event.getChaincodeId())
                    && !event.getEventName().isEmpty()) {
                events.add(new BlockEvents.Event(
                        header.getTxId(),
                        event.getEventName(),
                        event.getPayload().toString(StandardCharsets.UTF_8)));
            }
        }
    }
}
