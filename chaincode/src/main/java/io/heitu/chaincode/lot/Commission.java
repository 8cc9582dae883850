package io.heitu.chaincode.lot;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.Decimals;
import io.heitu.chaincode.core.Texts;
import io.heitu.chaincode.epcis.LotRef;
import io.heitu.chaincode.epcis.Quantity;
import java.util.Map;

/**
 * Request of {@code lot:Commission}: a harvest or slaughter creating a lot at a plot or pasture.
 * {@code ilmd} holds lot master data such as {@code variety}, {@code moisturePct}, {@code breed}.
 */
public record Commission(
        String gtin,
        String lotCode,
        Quantity quantity,
        LotOrigin origin,
        String plotId,
        String eventTime,
        Map<String, JsonNode> ilmd) {

    static final int MAX_ILMD_FIELDS = 32;
    static final String PLOT_FIELD = "plotId";

    public Commission {
        new LotRef(gtin, lotCode);
        Texts.require("quantity", quantity);
        Decimals.positive("quantity.value", quantity.value());
        origin = origin == null ? LotOrigin.HARVEST : origin;
        if (!origin.isCommissioning()) {
            throw Texts.invalid("origin of a commissioned lot is harvest or slaughter");
        }
        plotId = Texts.id("plotId", plotId);
        Texts.require("eventTime", eventTime);
        ilmd = Ilmd.check(ilmd, MAX_ILMD_FIELDS);
        // The plot the lot comes from is written by the chaincode from plotId, never by the client.
        if (ilmd.containsKey(PLOT_FIELD)) {
            throw Texts.invalid("ilmd." + PLOT_FIELD + " is set from plotId");
        }
    }

    public LotRef ref() {
        return new LotRef(gtin, lotCode);
    }
}
