package io.heitu.chaincode.location;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import java.math.BigDecimal;

/** Black-soil data of a plot: organic matter, pH, depth of the black layer and tillage practice. */
public record Soil(
        BigDecimal organicMatterPct, BigDecimal ph, BigDecimal blackSoilDepthCm, Tillage tillage, String practice) {

    public Soil {
        organicMatterPct =
                Decimals.between("soil.organicMatterPct", organicMatterPct, BigDecimal.ZERO, BigDecimal.valueOf(100));
        ph = Decimals.between("soil.ph", ph, BigDecimal.ZERO, BigDecimal.valueOf(14));
        blackSoilDepthCm =
                Decimals.between("soil.blackSoilDepthCm", blackSoilDepthCm, BigDecimal.ZERO, BigDecimal.valueOf(1000));
        practice = Texts.optional("soil.practice", practice, Texts.NAME_MAX);
    }
}
