package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lot as {@code lot:Get} and {@code lot:List} answer: the stored lot, its state, what remains,
 * who holds how much and what is in transit.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LotView(Lot lot, LotState state, Quantity remaining, List<Holding> holdings, List<Transit> inTransit) {

    public LotView {
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
        inTransit = inTransit == null ? List.of() : List.copyOf(inTransit);
    }

    /** What {@code mspId} holds of the lot; empty when it holds none. */
    public Optional<Quantity> heldBy(String mspId) {
        Quantity held = null;
        for (Holding holding : holdings) {
            if (holding.mspId().equals(mspId)) {
                held = holding.quantity();
            }
        }
        return Optional.ofNullable(held);
    }

    /** Why the lot is recalled or on hold; empty for any other state. */
    public String statusReason() {
        StatusChange change = state == LotState.RECALLED ? lot.recall() : state == LotState.ON_HOLD ? lot.hold() : null;
        return change == null || change.reason() == null ? "" : change.reason();
    }

    /** The stored lot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lot(
            String gtin,
            String lotCode,
            Provenance provenance,
            LotState status,
            StatusChange hold,
            StatusChange recall,
            Inspection inspection,
            Grade grade) {}

    /**
     * Who made the lot, where, how ({@code harvest}, {@code slaughter}, {@code transformation} …),
     * how much, and its instance/lot master data (ILMD, keys like {@code jl:productionDate}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provenance(
            String producerMsp,
            String locationId,
            String origin,
            Quantity quantity,
            String eventId,
            String eventTime,
            Map<String, Object> ilmd) {

        public Provenance {
            ilmd = ilmd == null ? Map.of() : Map.copyOf(ilmd);
        }

        /** An ILMD field that is text (dates are ISO text); null when absent or not text. */
        public String ilmdText(String field) {
            return ilmd.get(field) instanceof String text ? text : null;
        }
    }

    /** How much of the lot one organisation holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holding(String mspId, Quantity quantity) {}

    /** Part of the lot shipped and not yet received. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transit(String fromMsp, String toMsp, String carrierMsp, Quantity quantity, String eventId) {}

    /** Who put the lot on hold or recalled it, why, when, and from which lot it spread. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(String byMsp, String byRole, String reason, String at, String originLot) {}

    /** The latest lab verdict ({@code conformant} …) and how many inspections passed of how many. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inspection(String result, String eventId, String at, String inspectorMsp, int passed, int total) {}

    /** A quality grade; level 1 is the best of its standard. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grade(String standard, int level, String label, String inspectorMsp, String at, String eventId) {}
}
