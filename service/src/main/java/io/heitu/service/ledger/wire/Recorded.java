package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The answer to an event-recording transaction: the event's hash ID, whether the ledger already
 * held it (then nothing changed), the lots it touched, and for a captured event whether it names
 * lots the ledger knows ({@code verified}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recorded(String eventId, boolean duplicate, List<String> lots, Boolean verified) {

    public Recorded {
        lots = lots == null ? List.of() : List.copyOf(lots);
    }
}
