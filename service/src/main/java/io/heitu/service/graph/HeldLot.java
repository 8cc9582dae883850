package io.heitu.service.graph;

import java.util.List;

/** A lot some organisation holds now, with the organisations holding some of it. */
public record HeldLot(String gtin, String lotCode, List<String> holders) {

    public HeldLot {
        holders = List.copyOf(holders);
    }
}
