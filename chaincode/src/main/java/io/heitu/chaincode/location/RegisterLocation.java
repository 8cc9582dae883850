package io.heitu.chaincode.location;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.Gs1;
import java.math.BigDecimal;

/** Request of {@code location:Register}. {@code ownerMsp} is for administrators; others own what they register. */
public record RegisterLocation(
        String id,
        String ownerMsp,
        LocationKind kind,
        String nameZh,
        String nameEn,
        String gln,
        Address address,
        Geo geo,
        BigDecimal areaMu,
        Soil soil) {

    public RegisterLocation {
        id = Texts.id("id", id);
        ownerMsp = Texts.optional("ownerMsp", ownerMsp, Texts.ID_MAX);
        Texts.require("kind", kind);
        nameZh = Texts.required("nameZh", nameZh, Texts.NAME_MAX);
        nameEn = Texts.optional("nameEn", nameEn, Texts.NAME_MAX);
        gln = gln == null ? null : Gs1.gln(gln);
        Texts.require("address", address);
        areaMu = kind == LocationKind.PLOT
                ? Decimals.positive("areaMu", areaMu)
                : Decimals.nonNegative("areaMu", areaMu);
    }
}
