package io.heitu.ledger.sim;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client asked the chaincode to do: the function and its arguments, the creator's
 * serialized identity, the transaction id, the client's timestamp, and the transient data (private
 * values the chaincode may read but that never reach a block).
 */
public record TxProposal(
        String channelId,
        String chaincodeName,
        String txId,
        Instant timestamp,
        byte[] creator,
        List<byte[]> args,
        Map<String, byte[]> transientData) {

    public TxProposal {
        args = List.copyOf(args);
        transientData = Collections.unmodifiableMap(new TreeMap<>(transientData));
    }

    public TxProposal(
            String channelId, String chaincodeName, String txId, Instant timestamp, byte[] creator, List<byte[]> args) {
        this(channelId, chaincodeName, txId, timestamp, creator, args, Map.of());
    }
}
