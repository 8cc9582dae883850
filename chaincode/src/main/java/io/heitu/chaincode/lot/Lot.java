package io.heitu.chaincode.lot;

import io.heitu.chaincode.epcis.LotRef;

/**
 * A traceability lot as stored. Quantities held by each organisation live in holdings beside it,
 * so that two organisations selling from one lot never contend for the same key.
 */
public record Lot(
        String gtin,
        String lotCode,
        Provenance provenance,
        LotStatus status,
        StatusChange hold,
        StatusChange recall,
        LotInspection inspection,
        LotGrade grade) {

    public LotRef ref() {
        return new LotRef(gtin, lotCode);
    }

    public Lot held(StatusChange change) {
        return new Lot(gtin, lotCode, provenance, LotStatus.ON_HOLD, change, recall, inspection, grade);
    }

    public Lot released() {
        return new Lot(gtin, lotCode, provenance, LotStatus.ACTIVE, null, recall, inspection, grade);
    }

    public Lot recalled(StatusChange change) {
        return new Lot(gtin, lotCode, provenance, LotStatus.RECALLED, hold, change, inspection, grade);
    }

    public Lot inspected(LotInspection newInspection) {
        return new Lot(gtin, lotCode, provenance, status, hold, recall, newInspection, grade);
    }

    public Lot graded(LotGrade newGrade) {
        return new Lot(gtin, lotCode, provenance, status, hold, recall, inspection, newGrade);
    }
}
