package io.heitu.chaincode.inspection;

import io.heitu.chaincode.core.Page;
import io.heitu.chaincode.core.Row;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.lot.Lot;
import io.heitu.chaincode.lot.LotGrade;
import io.heitu.chaincode.lot.LotInspection;
import io.heitu.chaincode.lot.Lots;
import io.heitu.chaincode.lot.Standing;
import io.heitu.chaincode.product.Category;
import io.heitu.chaincode.product.Products;
import java.util.ArrayList;
import java.util.List;

/**
 * 产品品质排序: lots and producers ranked by grade and inspection record, per product category.
 * A lot scores up to 60 for its grade (level 1 = 60, each level below 10 fewer) and up to 40 for
 * the share of its inspections passed. A producer scores the mean of its ranked lots. Scores are
 * integers and kept in sortable index keys, so a ranking page is one range scan.
 */
final class Ranking {

    static final String LOTS = "rank~lot";
    static final String PRODUCERS = "rank~producer";
    static final String STATS = "producer~stats";

    private Ranking() {}

    /** Lot and producer standing in one ranked lot. */
    record Entry(
            String gtin,
            String lotCode,
            String producerMsp,
            String category,
            int score,
            Integer gradeLevel,
            String gradeLabel,
            int inspectionsPassed,
            int inspections) {}

    /** A producer's standing: mean score over its ranked lots. */
    record ProducerEntry(String producerMsp, String category, int score, int lots, long scoreSum) {}

    static int score(LotGrade grade, LotInspection inspection) {
        int gradePoints = grade == null ? 0 : Math.max(0, 60 - 10 * (grade.level() - 1));
        int inspectionPoints =
                inspection == null || inspection.total() == 0 ? 0 : 40 * inspection.passed() / inspection.total();
        return gradePoints + inspectionPoints;
    }

    /** Moves a lot's index entries from its previous standing to the new one. */
    static void update(Tx tx, Lot before, Lot after) {
        Category category = Products.get(tx, after.gtin()).category();
        String producer = after.provenance().producerMsp();
        boolean wasRanked = before.grade() != null || before.inspection() != null;
        int oldScore = score(before.grade(), before.inspection());
        int newScore = score(after.grade(), after.inspection());
        if (wasRanked) {
            tx.delete(tx.key(LOTS, category.word(), sortable(oldScore), after.gtin(), after.lotCode()));
        }
        LotGrade grade = after.grade();
        LotInspection inspection = after.inspection();
        tx.put(
                tx.key(LOTS, category.word(), sortable(newScore), after.gtin(), after.lotCode()),
                new Entry(
                        after.gtin(),
                        after.lotCode(),
                        producer,
                        category.word(),
                        newScore,
                        grade == null ? null : grade.level(),
                        grade == null ? null : grade.label(),
                        inspection == null ? 0 : inspection.passed(),
                        inspection == null ? 0 : inspection.total()));
        updateProducer(tx, producer, category, wasRanked ? oldScore : null, newScore);
    }

    private static void updateProducer(Tx tx, String producer, Category category, Integer oldScore, int newScore) {
        String statsKey = tx.key(STATS, producer, category.word());
        ProducerEntry before =
                tx.read(statsKey, ProducerEntry.class).orElse(new ProducerEntry(producer, category.word(), 0, 0, 0));
        if (before.lots() > 0) {
            tx.delete(tx.key(PRODUCERS, category.word(), sortable(before.score()), producer));
        }
        int lots = before.lots() + (oldScore == null ? 1 : 0);
        long sum = before.scoreSum() - (oldScore == null ? 0 : oldScore) + newScore;
        ProducerEntry after = new ProducerEntry(producer, category.word(), (int) (sum / lots), lots, sum);
        tx.put(statsKey, after);
        tx.put(tx.key(PRODUCERS, category.word(), sortable(after.score()), producer), after);
    }

    static Page<?> page(Tx tx, String scope, Category category, Integer pageSize, String bookmark) {
        Texts.require("category", category);
        Page<Row> rows = switch (scope == null ? "lots" : scope) {
            case "lots" -> tx.page(Page.size(pageSize), bookmark, LOTS, category.word());
            case "producers" -> tx.page(Page.size(pageSize), bookmark, PRODUCERS, category.word());
            default -> throw Texts.invalid("scope must be lots or producers");
        };
        if ("producers".equals(scope)) {
            return new Page<>(
                    rows.items().stream()
                            .map(row -> row.as(ProducerEntry.class))
                            .toList(),
                    rows.bookmark());
        }
        // A recall is written on the lot it names and reaches the lots made from it when they are
        // read, so recalled lots are left out here rather than unindexed one by one.
        Standing.Resolver standings = new Standing.Resolver(tx);
        List<Entry> lots = new ArrayList<>();
        for (Row row : rows.items()) {
            Entry entry = row.as(Entry.class);
            Lot lot = Lots.get(tx, new LotRef(entry.gtin(), entry.lotCode()));
            if (!standings.standing(lot).recalled()) {
                lots.add(entry);
            }
        }
        return new Page<>(lots, rows.bookmark());
    }

    /** Best first: the key holds 100 minus the score, zero-padded. */
    private static String sortable(int score) {
        String inverted = Integer.toString(100 - score);
        return "0".repeat(3 - inverted.length()) + inverted;
    }
}
