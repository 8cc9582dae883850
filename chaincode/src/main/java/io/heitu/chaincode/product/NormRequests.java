package io.heitu.chaincode.product;

import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.Gs1;
import io.heitu.chaincode.epcis.Quantity;
import io.heitu.chaincode.location.Geo;
import java.math.BigDecimal;

/** Requests of the regulator's product norms and of licences. */
final class NormRequests {

    private NormRequests() {}

    /** Request of {@code product:SetPolicy}. */
    record SetPolicy(String gtin, Boolean inspectionRequired, Quantity maxYieldPerMu) {
        SetPolicy {
            gtin = Gs1.gtin(gtin);
            inspectionRequired = Boolean.TRUE.equals(inspectionRequired);
            if (maxYieldPerMu != null) {
                Decimals.positive("maxYieldPerMu.value", maxYieldPerMu.value());
            }
        }
    }

    /** Request of {@code product:SetYield}. */
    record SetYield(String inputGtin, String outputGtin, BigDecimal maxRatio) {
        SetYield {
            inputGtin = Gs1.gtin(inputGtin);
            outputGtin = Gs1.gtin(outputGtin);
            maxRatio = Decimals.between(
                    "maxRatio", Texts.require("maxRatio", maxRatio), new BigDecimal("0.000001"), BigDecimal.ONE);
        }
    }

    /** Request of {@code product:RegisterGiArea}. */
    record RegisterGiArea(String giName, Geo area) {
        RegisterGiArea {
            giName = Texts.required("giName", giName, Texts.NAME_MAX);
            Texts.require("area", area);
            if (!"Polygon".equals(area.type())) {
                throw Texts.invalid("a GI area is a Polygon");
            }
        }
    }

    /** Request of {@code product:License} and {@code product:RevokeLicence}. */
    record ForLicensee(String gtin, String mspId) {
        ForLicensee {
            gtin = Gs1.gtin(gtin);
            mspId = Texts.required("mspId", mspId, Texts.ID_MAX);
        }
    }
}
