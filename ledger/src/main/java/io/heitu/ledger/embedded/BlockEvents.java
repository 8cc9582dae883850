package io.heitu.ledger.embedded;

import java.util.List;

/**
 * The chaincode events of one block's valid transactions, in transaction order. Delivered for every
 * block, even one without events, so that a read model's checkpoint can advance block by block.
 */
public record BlockEvents(long blockNumber, List<TxEvent> events) {

    public BlockEvents {
        events = List.copyOf(events);
    }
}
