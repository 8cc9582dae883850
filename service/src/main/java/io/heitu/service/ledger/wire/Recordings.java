package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The answer to {@code event:Batch} and {@code event:Capture}: one {@link Recorded} per event, in order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Recordings(List<Recorded> results) {

    public Recordings {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** Whether the ledger held every one of them already. */
    public boolean allDuplicates() {
        return results.stream().allMatch(Recorded::duplicate);
    }
}
