package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.LotClasses;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the service's lineage read model keeps of a lot, read after every block that touched it:
 * the lot's own provenance, holds and recall, whether it has a lab result (the regulator's
 * inspection queue), who holds it and what is in transit, and the edges
 * from the lots it was made from. Edges are written when their child is made, in the transaction
 * that touches the child, so reading the parents of each touched lot sees every edge. The read
 * model only answers questions; every rule stays decided here, in transactions.
 */
public final class GraphFacts {

    /** Most lots one request reads. */
    static final int MAX_LOTS = 500;

    private GraphFacts() {}

    /** One lot's facts; a lot known only from captured events has {@code known} false and its edges only. */
    public record Facts(
            String lot,
            String gtin,
            String lotCode,
            boolean known,
            String producerMsp,
            String locationId,
            LotOrigin origin,
            Quantity quantity,
            String eventTime,
            List<String> holds,
            boolean recalled,
            boolean inspected,
            List<Holding> holdings,
            List<Transit> inTransit,
            List<Edge> parents) {}

    record Request(List<String> lots) {
        Request {
            if (lots == null || lots.isEmpty() || lots.size() > MAX_LOTS) {
                throw Texts.invalid("lots names 1 to " + MAX_LOTS + " lot classes");
            }
            lots = List.copyOf(lots);
        }
    }

    static List<Facts> read(Tx tx, Request request) {
        // Every holder's quantities of every lot named: only for those who read everything (the
        // service's read model reads as its reader identity, a regulator's, and serves the facts
        // on by the same rule).
        if (!Access.of(tx).seesAll()) {
            throw new TraceException(ErrorCode.FORBIDDEN_READ, "lot facts are read by regulators and administrators");
        }
        List<Facts> facts = new ArrayList<>();
        for (String epcClass : request.lots()) {
            Optional<LotRef> ref = LotClasses.of(epcClass);
            if (ref.isEmpty()) {
                throw Texts.invalid("not a lot class: " + epcClass);
            }
            facts.add(of(tx, ref.get()));
        }
        return facts;
    }

    private static Facts of(Tx tx, LotRef ref) {
        List<Edge> parents = tx.scan(Lineage.MAX_LOTS, Lineage.TYPE, Lineage.UP, ref.gtin(), ref.lotCode()).stream()
                .map(row -> row.as(Edge.class))
                .toList();
        Optional<Lot> found = Lots.find(tx, ref);
        if (found.isEmpty()) {
            return new Facts(
                    ref.epcClass(),
                    ref.gtin(),
                    ref.lotCode(),
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    false,
                    false,
                    List.of(),
                    List.of(),
                    parents);
        }
        Lot lot = found.get();
        Provenance p = lot.provenance();
        return new Facts(
                ref.epcClass(),
                ref.gtin(),
                ref.lotCode(),
                true,
                p.producerMsp(),
                p.locationId(),
                p.origin(),
                p.quantity(),
                p.eventTime(),
                lot.holds().stream().map(StatusChange::id).toList(),
                lot.recall() != null,
                lot.inspection() != null,
                Lots.holdings(tx, ref),
                Lots.transits(tx, ref),
                parents);
    }
}
