package io.heitu.chaincode.terms;

import com.fasterxml.jackson.databind.JsonNode;
import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.BizStep;
import io.heitu.chaincode.epcis.EpcisIds;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.epcis.StoredEvent;
import io.heitu.chaincode.org.Organisation;
import io.heitu.chaincode.org.Organisations;
import java.util.Optional;

/**
 * A shipment's two trading parties, read from its EPCIS shipping event: the seller recorded it, the
 * buyer is its destination's owning party. Their pair names the private collection of the terms.
 */
record Shipment(String eventId, String key, String seller, String buyer) {

    private static final String URN_PREFIX = "urn:heitu:org:";
    private static final String GLN_PREFIX = EpcisIds.DIGITAL_LINK_BASE + "/417/";

    static Shipment of(Tx tx, String eventId) {
        StoredEvent event = Events.get(tx, eventId);
        JsonNode stored = event.event();
        if (!BizStep.SHIPPING.word().equals(stored.path("bizStep").asText())) {
            throw new TraceException(ErrorCode.INVALID_ARGUMENT, "event " + eventId + " is not a shipment");
        }
        String buyer = buyer(tx, stored)
                .orElseThrow(() -> new TraceException(
                        ErrorCode.INVALID_ARGUMENT, "shipment " + eventId + " names no receiving organisation"));
        if (buyer.equals(event.recordedBy())) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT, "shipment " + eventId + " stays within one organisation");
        }
        return new Shipment(event.eventId(), Events.digest(event.eventId()), event.recordedBy(), buyer);
    }

    boolean isParty(String mspId) {
        return seller.equals(mspId) || buyer.equals(mspId);
    }

    String collection() {
        return TermsCollections.forPair(seller, buyer);
    }

    private static Optional<String> buyer(Tx tx, JsonNode event) {
        for (JsonNode destination : event.path("destinationList")) {
            if (!"owning_party".equals(destination.path("type").asText())) {
                continue;
            }
            String party = destination.path("destination").asText();
            if (party.startsWith(URN_PREFIX)) {
                return Optional.of(party.substring(URN_PREFIX.length()));
            }
            if (party.startsWith(GLN_PREFIX)) {
                return Organisations.byGln(tx, party.substring(GLN_PREFIX.length()))
                        .map(Organisation::mspId);
            }
        }
        return Optional.empty();
    }
}
