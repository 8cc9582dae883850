package io.heitu.ledger.sim;

/** A pending write of a simulated transaction: a new value, or a delete when {@code value} is null. */
public record Write(String key, byte[] value) {

    public boolean isDelete() {
        return value == null;
    }
}
