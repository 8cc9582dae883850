package io.heitu.chaincode.lot;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.epcis.Quantity;

/**
 * Where a lot comes from: the organisation that made it, where, how, how much, and the event that
 * commissioned or produced it, with its instance/lot master data (harvest date, variety …).
 */
public record Provenance(
        String producerMsp,
        String locationId,
        LotOrigin origin,
        Quantity quantity,
        String eventId,
        String eventTime,
        JsonNode ilmd) {}
