package io.heitu.service.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.heitu.service.ledger.wire.LineageGraph;
import io.heitu.service.ledger.wire.LotView;
import io.heitu.service.ledger.wire.Quantity;
import java.util.List;

/**
 * What {@code lot:Facts} answers for one lot, and what a snapshot stores per lot: provenance, its
 * own holds and recall, whether it has a lab result, holdings, transits, and the edges from the
 * lots it was made from. A lot
 * known only from captured events ({@code known} false) has its edges and nothing more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record LotFacts(
        String lot,
        String gtin,
        String lotCode,
        boolean known,
        String producerMsp,
        String locationId,
        String origin,
        Quantity quantity,
        String eventTime,
        List<String> holds,
        boolean recalled,
        boolean inspected,
        List<LotView.Holding> holdings,
        List<LotView.Transit> inTransit,
        List<LineageGraph.Edge> parents) {

    LotFacts {
        holds = holds == null ? List.of() : List.copyOf(holds);
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
        inTransit = inTransit == null ? List.of() : List.copyOf(inTransit);
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
