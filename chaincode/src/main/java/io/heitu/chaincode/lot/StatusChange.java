package io.heitu.chaincode.lot;

/**
 * A hold or a recall: its id (the first 16 hex digits of the event that placed it), what placed it
 * ({@code hold} by an inspector or regulator, {@code failed_result} by a non-conformant lab result,
 * {@code recall}), who, why, when, and the lot it was placed on. A lot carries its own; it is
 * subject to those of every lot it was made from as well ({@link Standing}).
 */
public record StatusChange(
        String id, String kind, String byMsp, String byRole, String reason, String at, String originLot) {

    public static final String HOLD = "hold";
    public static final String FAILED_RESULT = "failed_result";
    public static final String RECALL = "recall";
}
