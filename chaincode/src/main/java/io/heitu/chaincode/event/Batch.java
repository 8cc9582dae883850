package io.heitu.chaincode.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.Texts;
import java.util.List;

/**
 * Request of {@code event:Batch}: many recordings in one transaction, in order, all or nothing —
 * a day of cold-chain readings, a spreadsheet of receipts. Each entry names its action
 * ({@code observe}, {@code ship}, {@code receive}, {@code sell}, {@code dispose},
 * {@code transform}, {@code aggregate}, {@code applyInput}) and carries that action's request.
 */
public record Batch(List<Entry> entries) {

    static final int MAX_ENTRIES = 500;

    /** One recording of the batch. */
    public record Entry(String action, JsonNode request) {
        public Entry {
            Texts.require("entries[].action", action);
            Texts.require("entries[].request", request);
            if (!request.isObject()) {
                throw Texts.invalid("entries[].request must be an object");
            }
        }
    }

    public Batch {
        if (entries == null || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw Texts.invalid("entries must hold 1 to " + MAX_ENTRIES + " recordings");
        }
        entries = List.copyOf(entries);
    }
}
