package io.heitu.service.ledger;

import java.util.List;

/** The chaincode events of one committed block, in transaction order. */
public record BlockEvents(long blockNumber, List<Event> events) {

    public BlockEvents {
        events = List.copyOf(events);
    }

    /** One chaincode event: its name and JSON payload. */
    public record Event(String txId, String name, String payload) {}
}
