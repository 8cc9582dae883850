package io.heitu.chaincode.lot;

import io.heitu.chaincode.epcis.Quantity;
import java.util.List;

/**
 * A lot as clients see it: the stored lot, who holds how much, what is in transit, the remaining
 * quantity, and its state ({@code active}, {@code on_hold}, {@code recalled} or {@code consumed}).
 */
public record LotView(Lot lot, String state, Quantity remaining, List<Holding> holdings, List<Transit> inTransit) {

    public LotView {
        holdings = List.copyOf(holdings);
        inTransit = List.copyOf(inTransit);
    }
}
