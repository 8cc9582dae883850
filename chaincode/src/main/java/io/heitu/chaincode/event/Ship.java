package io.heitu.chaincode.event;

import io.heitu.chaincode.core.Texts;
import java.util.List;

/**
 * Request of {@code event:Ship}: lots leave the caller for another organisation, optionally through
 * a carrier. {@code returnShipment} sends recalled goods back, which a recall allows.
 */
public record Ship(
        List<LotQuantity> lots,
        String toMsp,
        String carrierMsp,
        String fromLocationId,
        String toLocationId,
        String eventTime,
        String despatchAdvice,
        Boolean returnShipment,
        Integer line) {

    public Ship {
        lots = LotQuantity.lines("lots", lots);
        toMsp = Texts.required("toMsp", toMsp, Texts.ID_MAX);
        carrierMsp = Texts.optional("carrierMsp", carrierMsp, Texts.ID_MAX);
        fromLocationId = fromLocationId == null ? null : Texts.id("fromLocationId", fromLocationId);
        toLocationId = toLocationId == null ? null : Texts.id("toLocationId", toLocationId);
        Texts.require("eventTime", eventTime);
        despatchAdvice = Texts.optional("despatchAdvice", despatchAdvice, Texts.ID_MAX);
        returnShipment = Boolean.TRUE.equals(returnShipment);
        line = Texts.line(line);
    }
}
