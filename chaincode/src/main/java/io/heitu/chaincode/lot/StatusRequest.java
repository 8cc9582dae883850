package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotRef;

/** Request of {@code lot:Hold}, {@code lot:Release} and {@code lot:Recall}: the lot and the reason. */
public record StatusRequest(String gtin, String lotCode, String reason) {

    public StatusRequest {
        new LotRef(gtin, lotCode);
        reason = Texts.required("reason", reason, Texts.NOTE_MAX);
    }

    public LotRef ref() {
        return new LotRef(gtin, lotCode);
    }
}
