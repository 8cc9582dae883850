package io.heitu.chaincode.lot;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.heitu.chaincode.epcis.LotRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A traceability lot as stored. Quantities held by each organisation live in holdings beside it,
 * so that two organisations selling from one lot never contend for the same key. {@code holds}
 * and {@code recall} are the lot's own; the holds and recalls of the lots it was made from apply
 * too, resolved when the lot is used ({@link Standing}), so that placing one never has to write
 * every descendant.
 */
public record Lot(
        String gtin,
        String lotCode,
        Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StatusChange> holds,
        StatusChange recall,
        LotInspection inspection,
        LotGrade grade) {

    public Lot {
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    public static Lot created(String gtin, String lotCode, Provenance provenance) {
        return new Lot(gtin, lotCode, provenance, List.of(), null, null, null);
    }

    public LotRef ref() {
        return new LotRef(gtin, lotCode);
    }

    Lot held(StatusChange hold) {
        List<StatusChange> more = new ArrayList<>(holds);
        more.add(hold);
        return new Lot(gtin, lotCode, provenance, more, recall, inspection, grade);
    }

    Lot released(String holdId) {
        List<StatusChange> left =
                holds.stream().filter(hold -> !hold.id().equals(holdId)).toList();
        return new Lot(gtin, lotCode, provenance, left, recall, inspection, grade);
    }

    Lot recalled(StatusChange change) {
        return new Lot(gtin, lotCode, provenance, holds, change, inspection, grade);
    }

    public Lot inspected(LotInspection newInspection) {
        return new Lot(gtin, lotCode, provenance, holds, recall, newInspection, grade);
    }

    public Lot graded(LotGrade newGrade) {
        return new Lot(gtin, lotCode, provenance, holds, recall, inspection, newGrade);
    }
}
