package io.heitu.chaincode.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/** What a transaction answered: its JSON payload, or the refusal's stable code and message. */
public record Result(int status, String payload, String message, ChaincodeEvent event) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public boolean ok() {
        return status == 200;
    }

    /** The error code that opens a refusal's message, {@code CODE: explanation}. */
    public String code() {
        if (ok()) {
            return null;
        }
        int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon);
    }

    public JsonNode json() {
        if (!ok()) {
            throw new AssertionError("transaction refused: " + message);
        }
        return parse(payload);
    }

    /** A refusal's payload: {@code {"code","details","message"}}. */
    public JsonNode error() {
        if (ok()) {
            throw new AssertionError("transaction succeeded: " + payload);
        }
        return parse(payload);
    }

    /** The event ID an event-recording transaction answered with. */
    public String eventId() {
        return json().path("eventId").asText();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new AssertionError("payload is not JSON: " + json, e);
        }
    }

    @Override
    public String toString() {
        return ok() ? "OK " + payload : "REFUSED " + message;
    }
}
