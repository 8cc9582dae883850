package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a lot may be used, resolved at the moment it is used: its own holds and recall and those
 * of every lot it was made from. A hold stays until it is released on the lot that carries it, so
 * a lot with several holds (its own, a failed lab result, an ancestor's) is held until the last of
 * them is released. The work is bounded by the lot's ancestry, never by its descendants.
 */
public record Standing(List<StatusChange> holds, StatusChange recall) {

    public static final String ACTIVE = "active";
    public static final String ON_HOLD = "on_hold";
    public static final String RECALLED = "recalled";

    public Standing {
        holds = List.copyOf(holds);
    }

    public boolean recalled() {
        return recall != null;
    }

    public boolean held() {
        return !holds.isEmpty();
    }

    /** {@code recalled}, {@code on_hold} or {@code active}. */
    public String word() {
        return recalled() ? RECALLED : held() ? ON_HOLD : ACTIVE;
    }

    public static Standing of(Tx tx, Lot lot) {
        return new Resolver(tx).standing(lot);
    }

    /** Resolves many lots in one transaction, reading each ancestor once. */
    public static final class Resolver {
        private final Tx tx;
        private final Map<LotRef, Lot> lots = new HashMap<>();

        public Resolver(Tx tx) {
            this.tx = tx;
        }

        public Standing standing(Lot lot) {
            List<StatusChange> holds = new ArrayList<>(lot.holds());
            StatusChange recall = lot.recall();
            for (LotRef ancestorRef : Ancestry.of(tx, lot.ref()).lots()) {
                Lot ancestor = lots.computeIfAbsent(
                        ancestorRef, ref -> Lots.find(tx, ref).orElse(null));
                if (ancestor != null) {
                    holds.addAll(ancestor.holds());
                    recall = recall == null ? ancestor.recall() : recall;
                }
            }
            return new Standing(holds, recall);
        }
    }
}
