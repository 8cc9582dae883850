package io.heitu.chaincode.terms;

import io.heitu.chaincode.core.ErrorCode;
import io.heitu.chaincode.core.TraceException;
import io.heitu.chaincode.core.Tx;
import io.heitu.chaincode.epcis.Events;
import io.heitu.chaincode.lot.Access;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rules for a shipment's terms. Only its two parties write and read them; whoever may read the
 * shipment can check a copy of the terms against the hash on the channel.
 */
final class ShipmentTerms {

    private ShipmentTerms() {}

    static TermsProof record(Tx tx, TermsRequest request) {
        Shipment shipment = Shipment.of(tx, request.shipmentEventId());
        String caller = tx.caller().mspId();
        if (!shipment.isParty(caller)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_NOT_OWNER,
                    "organisation " + caller + " is neither the seller nor the buyer of shipment "
                            + shipment.eventId());
        }
        byte[] canonical = termsFromTransient(tx).canonical();
        tx.putPrivate(shipment.collection(), shipment.key(), canonical);
        return new TermsProof(shipment.eventId(), shipment.collection(), hex(sha256(canonical)), null);
    }

    static TermsView get(Tx tx, TermsRequest request) {
        Shipment shipment = Shipment.of(tx, request.shipmentEventId());
        String caller = tx.caller().mspId();
        if (!shipment.isParty(caller)) {
            throw new TraceException(
                    ErrorCode.FORBIDDEN_TERMS,
                    "only the seller and the buyer read the terms of shipment " + shipment.eventId()
                            + ", not organisation " + caller);
        }
        byte[] hash = recordedHash(tx, shipment);
        byte[] stored = tx.getPrivate(shipment.collection(), shipment.key());
        if (stored == null) {
            throw new TraceException(
                    ErrorCode.TERMS_NOT_FOUND,
                    "the terms of shipment " + shipment.eventId() + " are not on this peer yet");
        }
        return new TermsView(
                shipment.eventId(),
                shipment.seller(),
                shipment.buyer(),
                shipment.collection(),
                Terms.parse(stored),
                hex(hash));
    }

    /** Anyone who may read the shipment checks terms shown to them against the channel's hash. */
    static TermsProof verify(Tx tx, TermsRequest request) {
        Access.of(tx).require(Events.get(tx, request.shipmentEventId()));
        Shipment shipment = Shipment.of(tx, request.shipmentEventId());
        byte[] offered = sha256(termsFromTransient(tx).canonical());
        byte[] recorded = recordedHash(tx, shipment);
        return new TermsProof(
                shipment.eventId(), shipment.collection(), hex(recorded), MessageDigest.isEqual(offered, recorded));
    }

    private static byte[] recordedHash(Tx tx, Shipment shipment) {
        byte[] hash = tx.privateHash(shipment.collection(), shipment.key());
        if (hash == null) {
            throw new TraceException(
                    ErrorCode.TERMS_NOT_FOUND, "no terms are recorded for shipment " + shipment.eventId());
        }
        return hash;
    }

    private static Terms termsFromTransient(Tx tx) {
        byte[] value = tx.transientValue(Terms.TRANSIENT_KEY);
        if (value == null || value.length == 0) {
            throw new TraceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "the terms travel in the transient map under \"" + Terms.TRANSIENT_KEY
                            + "\", never in the arguments");
        }
        return Terms.parse(value);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
