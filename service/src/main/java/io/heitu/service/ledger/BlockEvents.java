package io.heitu.service.ledger;

import io.heitu.service.ledger.wire.Change;
import io.heitu.service.ledger.wire.Wire;
import java.util.List;

/** The chaincode events of one committed block, in transaction order. */
public record BlockEvents(long blockNumber, List<Event> events) {

    public BlockEvents {
        events = List.copyOf(events);
    }

    /** One chaincode event: its name and JSON payload. */
    public record Event(String txId, String name, String payload) {

        /** The payload decoded: the event or events recorded and the lots touched. */
        public Change change() {
            return Wire.decode(payload, Change.class);
        }
    }
}
