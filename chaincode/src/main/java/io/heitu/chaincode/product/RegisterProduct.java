package io.heitu.chaincode.product;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.Gs1;
import io.heitu.chaincode.epcis.Quantity;

/** Request of {@code product:Register}. */
public record RegisterProduct(
        String gtin,
        String nameZh,
        String nameEn,
        Category category,
        String giName,
        String standard,
        Boolean inspectionRequired,
        Quantity netContent,
        Integer shelfLifeDays,
        String ownerMsp) {

    public RegisterProduct {
        gtin = Gs1.gtin(gtin);
        nameZh = Texts.required("nameZh", nameZh, Texts.NAME_MAX);
        nameEn = Texts.optional("nameEn", nameEn, Texts.NAME_MAX);
        Texts.require("category", category);
        giName = Texts.optional("giName", giName, Texts.NAME_MAX);
        standard = Texts.optional("standard", standard, Texts.NAME_MAX);
        inspectionRequired = Boolean.TRUE.equals(inspectionRequired);
        if (netContent != null) {
            Decimals.positive("netContent.value", netContent.value());
            if (!netContent.uom().isMass()) {
                throw Texts.invalid("netContent must be a mass (KGM, GRM or TNE)");
            }
        }
        if (shelfLifeDays != null && (shelfLifeDays < 1 || shelfLifeDays > 3650)) {
            throw Texts.invalid("shelfLifeDays must be between 1 and 3650");
        }
        ownerMsp = Texts.optional("ownerMsp", ownerMsp, Texts.ID_MAX);
    }
}
