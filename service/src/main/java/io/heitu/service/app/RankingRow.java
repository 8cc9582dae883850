package io.heitu.service.app;

import io.heitu.service.ledger.wire.Page;
import io.heitu.service.ledger.wire.RankingEntry;
import java.util.ArrayList;
import java.util.List;

/** One place in the quality ranking (产品品质排序): a lot or a producer and its score. */
public record RankingRow(int place, String producerMsp, String lot, String grade, String score, String tests) {

    /** The places of one page of the ranking: the page shows the best, it does not list them all. */
    static List<RankingRow> of(Page<RankingEntry> answer, List<Choice> organisations) {
        List<RankingRow> rows = new ArrayList<>();
        for (RankingEntry item : answer.items()) {
            boolean lot = item.lot();
            rows.add(new RankingRow(
                    rows.size() + 1,
                    Directory.nameOf(organisations, item.producerMsp() == null ? "" : item.producerMsp()),
                    lot ? item.gtin() + " · " + item.lotCode() : "",
                    item.gradeLabel() == null ? "" : item.gradeLabel(),
                    Integer.toString(item.score()),
                    lot
                            ? count(item.inspectionsPassed(), "0") + "/" + count(item.inspections(), "0")
                            : count(item.lots(), "")));
        }
        return rows;
    }

    private static String count(Integer count, String absent) {
        return count == null ? absent : count.toString();
    }
}
