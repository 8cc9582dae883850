package io.heitu.service.graph;

import java.util.List;

/** A page of lots by key, as the graph orders them ("my lots", the inspection queue), and how many there are in all. */
public record LotKeys(int total, List<LotClass> lots) {

    public LotKeys {
        lots = List.copyOf(lots);
    }
}
