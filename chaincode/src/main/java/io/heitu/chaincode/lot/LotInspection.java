package io.heitu.chaincode.lot;

/** A lot's inspection record: the latest verdict and the count of passed and total inspections. */
public record LotInspection(String result, String eventId, String at, String inspectorMsp, int passed, int total) {

    public static final String CONFORMANT = "conformant";

    public boolean conformant() {
        return CONFORMANT.equals(result);
    }
}
