package io.heitu.service.ledger.wire;

import java.util.List;

/**
 * {@code event:Readable}'s answer: which of the asked events the caller may read, and of those which
 * it reads without quantities (events it sees only through the lineage of its own goods).
 */
public record Readability(List<String> readable, List<String> withoutQuantities) {

    public Readability {
        readable = readable == null ? List.of() : List.copyOf(readable);
        withoutQuantities = withoutQuantities == null ? List.of() : List.copyOf(withoutQuantities);
    }
}
