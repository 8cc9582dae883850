package io.heitu.chaincode.event;

import java.util.List;

/** A pallet or shipment unit (SSCC) and the lot quantities packed on it. */
public record Container(String sscc, String holderMsp, List<LotQuantity> contents, String updatedAt) {

    public Container {
        contents = List.copyOf(contents);
    }
}
