package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One place of {@code inspection:Ranking}: a lot (with {@code lotCode}, its grade and inspections)
 * or a producer (with the number of its ranked {@code lots}), and its score.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RankingEntry(
        String gtin,
        String lotCode,
        String producerMsp,
        String category,
        int score,
        Integer gradeLevel,
        String gradeLabel,
        Integer inspectionsPassed,
        Integer inspections,
        Integer lots) {

    /** Whether this place is a lot rather than a producer. */
    public boolean lot() {
        return lotCode != null;
    }
}
