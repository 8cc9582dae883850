package io.heitu.chaincode.inspection;

import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotRef;

/** Request of {@code inspection:Grade}: level 1 is the best grade of the standard. */
public record GradeRequest(
        String gtin, String lotCode, String standard, Integer level, String label, String eventTime) {

    public GradeRequest {
        new LotRef(gtin, lotCode);
        standard = Texts.required("standard", standard, Texts.NAME_MAX);
        if (level == null || level < 1 || level > 9) {
            throw Texts.invalid("level must be between 1 (best) and 9");
        }
        label = Texts.optional("label", label, Texts.NAME_MAX);
        Texts.require("eventTime", eventTime);
    }

    LotRef ref() {
        return new LotRef(gtin, lotCode);
    }
}
