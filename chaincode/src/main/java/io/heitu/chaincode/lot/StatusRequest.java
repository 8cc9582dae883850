package io.heitu.chaincode.lot;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotRef;

/**
 * Request of {@code lot:Hold}, {@code lot:Release} and {@code lot:Recall}: the lot and the reason;
 * a release may name the hold it lifts ({@code holdId}), and must where the lot carries several.
 */
public record StatusRequest(String gtin, String lotCode, String reason, String holdId) {

    public StatusRequest {
        new LotRef(gtin, lotCode);
        reason = Texts.required("reason", reason, Texts.NOTE_MAX);
        if (holdId != null && !holdId.matches("[0-9a-f]{16}")) {
            throw Texts.invalid("holdId is the 16 hex digits lot:Get shows for the hold");
        }
    }

    public LotRef ref() {
        return new LotRef(gtin, lotCode);
    }
}
