package io.heitu.chaincode.epcis;

import java.util.List;

/**
 * The answer to every event-recording transaction: the event's hash ID, and whether the same event
 * had already been recorded (then nothing changed).
 */
public record Recorded(String eventId, boolean duplicate, List<String> lots) {

    public Recorded {
        lots = List.copyOf(lots);
    }
}
