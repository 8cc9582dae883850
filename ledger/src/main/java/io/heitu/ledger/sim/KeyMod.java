package io.heitu.ledger.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hyperledger.fabric.shim.ledger.KeyModification;

/** One committed modification of a key, as returned by GetHistoryForKey. */
public record KeyMod(String txId, byte[] value, Instant timestamp, boolean deleted) implements KeyModification {

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public byte[] getValue() {
        return value == null ? new byte[0] : value.clone();
    }

    @Override
    public String getStringValue() {
        return new String(getValue(), StandardCharsets.UTF_8);
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean isDeleted() {
        return deleted;
    }
}
