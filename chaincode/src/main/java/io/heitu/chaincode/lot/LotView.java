package io.heitu.chaincode.lot;

import io.heitu.chaincode.epcis.Quantity;
import java.util.List;

/**
 * A lot as clients see it: the stored lot (with its own holds and recall), who holds how much,
 * what is in transit, the remaining quantity, every hold that applies to it and the recall that
 * does (its own or one of a lot it was made from, each naming that lot as {@code originLot}), and
 * its state ({@code active}, {@code on_hold}, {@code recalled} or {@code consumed}).
 */
public record LotView(
        Lot lot,
        String state,
        Quantity remaining,
        List<Holding> holdings,
        List<Transit> inTransit,
        List<StatusChange> holds,
        StatusChange recall) {

    public LotView {
        holdings = List.copyOf(holdings);
        inTransit = List.copyOf(inTransit);
        holds = List.copyOf(holds);
    }
}
