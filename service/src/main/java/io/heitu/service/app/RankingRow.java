package io.heitu.service.app;

import io.heitu.service.ledger.wire.Page;
import io.heitu.service.ledger.wire.RankingEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One place in the quality ranking (产品品质排序): a lot or a producer, its score and how the score
 * was made (grade points + inspection points). Lots on hold or recalled are not ranked: they are
 * listed apart, flagged, so a recalled lot never stands first (public for the templates).
 *
 * @param place 0 for a lot left out of the ranking
 * @param state the lot's state word; empty for a producer
 */
public record RankingRow(
        int place,
        String producer,
        String lot,
        String product,
        String grade,
        int score,
        int gradePoints,
        int testPoints,
        String tests,
        String state) {

    /** The page shows the best few; a ranking is read at the top. */
    static final int SHOWN = 20;

    /** The ranked places, then the flagged lots. */
    public record Ranking(List<RankingRow> ranked, List<RankingRow> flagged, boolean lots) {

        public boolean isEmpty() {
            return ranked.isEmpty() && flagged.isEmpty();
        }
    }

    public boolean flagged() {
        return "on_hold".equals(state) || "recalled".equals(state);
    }

    static Ranking of(
            Page<RankingEntry> answer,
            List<Choice> organisations,
            List<ProductChoice> products,
            Function<LotKey, String> standing) {
        List<RankingRow> ranked = new ArrayList<>();
        List<RankingRow> flagged = new ArrayList<>();
        boolean lots = false;
        for (RankingEntry item : answer.items()) {
            String producer = Directory.nameOf(organisations, item.producerMsp() == null ? "" : item.producerMsp());
            if (!item.lot()) {
                ranked.add(new RankingRow(
                        ranked.size() + 1, producer, "", "", "", item.score(), 0, 0, count(item.lots()), ""));
                continue;
            }
            lots = true;
            String state = standing.apply(new LotKey(item.gtin(), item.lotCode()));
            int gradePoints = item.gradeLevel() == null ? 0 : Math.max(0, 60 - 10 * (item.gradeLevel() - 1));
            RankingRow row = new RankingRow(
                    0,
                    producer,
                    item.lotCode(),
                    productName(products, item.gtin()),
                    item.gradeLabel() == null ? "" : item.gradeLabel(),
                    item.score(),
                    gradePoints,
                    item.score() - gradePoints,
                    count(item.inspectionsPassed()) + "/" + count(item.inspections()),
                    state);
            if (row.flagged()) {
                flagged.add(row);
            } else {
                ranked.add(row.at(ranked.size() + 1));
            }
        }
        return new Ranking(ranked, flagged, lots);
    }

    private RankingRow at(int newPlace) {
        return new RankingRow(newPlace, producer, lot, product, grade, score, gradePoints, testPoints, tests, state);
    }

    private static String productName(List<ProductChoice> products, String gtin) {
        return products.stream()
                .filter(product -> product.gtin().equals(gtin))
                .map(ProductChoice::name)
                .findFirst()
                .orElse(gtin);
    }

    private static String count(Integer count) {
        return count == null ? "0" : count.toString();
    }
}
