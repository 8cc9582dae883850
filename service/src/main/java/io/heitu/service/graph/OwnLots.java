package io.heitu.service.graph;

import java.util.List;

/** A page of an organisation's "my lots" as the graph orders them, and how many it has in all. */
public record OwnLots(int total, List<LotClass> lots) {

    public OwnLots {
        lots = List.copyOf(lots);
    }
}
