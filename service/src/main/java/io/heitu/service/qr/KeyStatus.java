package io.heitu.service.qr;

/** Whether codes signed with a key are still genuine. */
public enum KeyStatus {
    ACTIVE("active"),
    REVOKED("revoked");

    private final String wire;

    KeyStatus(String wire) {
        this.wire = wire;
    }

    /** The ledger's and the key set's spelling: {@code active} or {@code revoked}. */
    public String wire() {
        return wire;
    }

    /** Anything but {@code active} reads as revoked: an unknown status must not make codes genuine. */
    public static KeyStatus fromWire(String value) {
        return ACTIVE.wire.equals(value) ? ACTIVE : REVOKED;
    }
}
