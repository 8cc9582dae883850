package io.heitu.ledger.sim;

import java.time.Instant;
import java.util.List;

/**
 * What a client asked the chaincode to do: the function and its arguments, the creator's
 * serialized identity, the transaction id and the client's timestamp.
 */
public record TxProposal(
        String channelId, String chaincodeName, String txId, Instant timestamp, byte[] creator, List<byte[]> args) {

    public TxProposal {
        args = List.copyOf(args);
    }
}
