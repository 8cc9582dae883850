package io.heitu.service.ledger.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lot as {@code lot:Get} and {@code lot:List} answer: the stored lot (with its own holds and
 * recall), its state, what remains, who holds how much, what is in transit, and every hold and the
 * recall that apply to it — its own or those of a lot it was made from ({@code originLot}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LotView(
        Lot lot,
        LotState state,
        Quantity remaining,
        List<Holding> holdings,
        List<Transit> inTransit,
        List<StatusChange> holds,
        StatusChange recall) {

    public LotView {
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
        inTransit = inTransit == null ? List.of() : List.copyOf(inTransit);
        holds = holds == null ? List.of() : List.copyOf(holds);
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

    /** Why the lot is recalled or on hold (every hold that applies); empty for any other state. */
    public String statusReason() {
        if (state == LotState.RECALLED) {
            return recall == null || recall.reason() == null ? "" : recall.reason();
        }
        if (state == LotState.ON_HOLD) {
            return String.join(
                    "；",
                    holds.stream()
                            .map(hold -> hold.reason() == null ? "" : hold.reason())
                            .toList());
        }
        return "";
    }

    /** The first hold that applies, if any. */
    public StatusChange hold() {
        return holds.isEmpty() ? null : holds.get(0);
    }

    /** The stored lot, with the holds and the recall placed on it (not those of the lots it was made from). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lot(
            String gtin,
            String lotCode,
            Provenance provenance,
            List<StatusChange> holds,
            StatusChange recall,
            Inspection inspection,
            Grade grade) {

        public Lot {
            holds = holds == null ? List.of() : List.copyOf(holds);
        }
    }

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

    /** Part of the lot shipped and not yet received; {@code returned} marks a return. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transit(
            String fromMsp,
            String toMsp,
            String carrierMsp,
            Quantity quantity,
            String eventId,
            String shippedAt,
            Boolean returned) {}

    /**
     * A hold or recall: its id (what a release names), {@code hold}, {@code failed_result} or
     * {@code recall}, who placed it, why, when, and the lot it was placed on.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(
            String id, String kind, String byMsp, String byRole, String reason, String at, String originLot) {}

    /** The latest lab verdict ({@code conformant} …) and how many inspections passed of how many. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inspection(String result, String eventId, String at, String inspectorMsp, int passed, int total) {}

    /** A quality grade; level 1 is the best of its standard. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grade(String standard, int level, String label, String inspectorMsp, String at, String eventId) {}
}
