package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Every lot on the ledger a lot was made from, directly or not, and the plots its harvests grew
 * on: written once when the lot is made, from its inputs' own ancestries, and never changed after
 * (a lot's inputs are fixed when it is made). Holds and recalls are resolved through it, so a hold
 * on a paddy lot reaches every bag made from it without writing any bag. {@code unknownSources}
 * says that some input was known only from another system's captured events.
 */
public record Ancestry(List<LotRef> lots, List<String> plots, boolean unknownSources) {

    static final String TYPE = "ancestry";

    /** Most ancestors a lot may have: every use of it reads each of them once. */
    public static final int MAX_ANCESTORS = 5_000;

    public Ancestry {
        lots = List.copyOf(lots);
        plots = List.copyOf(plots);
    }

    static Ancestry ofHarvest(String plotId) {
        return new Ancestry(List.of(), List.of(plotId), false);
    }

    /** The ancestry of a lot made from these inputs (and, with {@code unknownInputs}, from lots of other systems). */
    public static Ancestry ofInputs(Tx tx, Collection<Lot> inputs, boolean unknownInputs) {
        TreeSet<LotRef> lots = new TreeSet<>();
        TreeSet<String> plots = new TreeSet<>();
        boolean unknown = unknownInputs;
        for (Lot input : inputs) {
            Ancestry inherited = of(tx, input.ref());
            lots.add(input.ref());
            lots.addAll(inherited.lots());
            plots.addAll(inherited.plots());
            unknown |= inherited.unknownSources();
            if (lots.size() > MAX_ANCESTORS) {
                throw new TraceException(
                        ErrorCode.LIMIT_EXCEEDED, "a lot may be made from at most " + MAX_ANCESTORS + " lots");
            }
        }
        return new Ancestry(new ArrayList<>(lots), new ArrayList<>(plots), unknown);
    }

    public static Ancestry of(Tx tx, LotRef ref) {
        return tx.read(tx.key(TYPE, ref.gtin(), ref.lotCode()), Ancestry.class)
                .orElse(new Ancestry(List.of(), List.of(), false));
    }

    static void save(Tx tx, LotRef ref, Ancestry ancestry) {
        tx.put(tx.key(TYPE, ref.gtin(), ref.lotCode()), ancestry);
    }
}
