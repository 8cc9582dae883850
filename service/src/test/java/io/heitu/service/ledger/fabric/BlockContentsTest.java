package io.heitu.service.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.heitu.service.ledger.BlockEvents;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;

class BlockContentsTest {

    private static ByteString transaction(String txId, String chaincode, String name, String payload) {
        ChaincodeEvent event = ChaincodeEvent.newBuilder()
                .setChaincodeId(chaincode)
                .setTxId(txId)
                .setEventName(name)
                .setPayload(ByteString.copyFrom(payload, StandardCharsets.UTF_8))
                .build();
        ProposalResponsePayload response = ProposalResponsePayload.newBuilder()
                .setExtension(ChaincodeAction.newBuilder()
                        .setEvents(event.toByteString())
                        .build()
                        .toByteString())
                .build();
        ChaincodeActionPayload action = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(response.toByteString()))
                .build();
        Transaction transaction = Transaction.newBuilder()
                .addActions(TransactionAction.newBuilder().setPayload(action.toByteString()))
                .build();
        return envelope(HeaderType.ENDORSER_TRANSACTION, txId, transaction.toByteString());
    }

    private static ByteString envelope(HeaderType type, String txId, ByteString data) {
        ChannelHeader header = ChannelHeader.newBuilder()
                .setType(type.getNumber())
                .setTxId(txId)
                .setChannelId("trace")
                .build();
        Payload payload = Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(header.toByteString()))
                .setData(data)
                .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteString();
    }

    private static Block block(long number, byte[] validity, ByteString... transactions) {
        BlockData.Builder data = BlockData.newBuilder();
        for (ByteString transaction : transactions) {
            data.addData(transaction);
        }
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(number))
                .setData(data)
                .setMetadata(BlockMetadata.newBuilder()
                        .addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.EMPTY)
                        .addMetadata(ByteString.copyFrom(validity)))
                .build();
    }

    @Test
    void every_valid_transactions_event_of_the_chaincode_comes_out_in_block_order() {
        byte valid = (byte) TxValidationCode.VALID_VALUE;
        byte mvcc = (byte) TxValidationCode.MVCC_READ_CONFLICT_VALUE;
        Block block = block(
                42,
                new byte[] {valid, mvcc, valid, valid},
                transaction("t1", "trace", "LotCommissioned", "{\"lots\":[\"a\"]}"),
                transaction("t2", "trace", "LotShipped", "{\"lots\":[\"lost\"]}"),
                transaction("t3", "othercc", "Whatever", "{}"),
                transaction("t4", "trace", "LotShipped", "{\"lots\":[\"b\"]}"));

        BlockEvents events = BlockContents.events(block, "trace");

        assertThat(events.blockNumber()).isEqualTo(42);
        assertThat(events.events())
                .containsExactly(
                        new BlockEvents.Event("t1", "LotCommissioned", "{\"lots\":[\"a\"]}"),
                        new BlockEvents.Event("t4", "LotShipped", "{\"lots\":[\"b\"]}"));
    }

    @Test
    void a_configuration_block_is_a_block_without_events() {
        Block block = block(
                7,
                new byte[] {(byte) TxValidationCode.VALID_VALUE},
                envelope(HeaderType.CONFIG, "", ByteString.copyFromUtf8("config")));

        BlockEvents events = BlockContents.events(block, "trace");

        assertThat(events.blockNumber()).isEqualTo(7);
        assertThat(events.events()).isEmpty();
    }
}
