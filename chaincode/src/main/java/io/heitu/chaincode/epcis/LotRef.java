package io.heitu.chaincode.epcis;

/** A traceability lot: GTIN-14 plus lot code (GS1 AI 01 + AI 10). */
public record LotRef(String gtin, String lotCode) implements Comparable<LotRef> {

    public LotRef {
        gtin = Gs1.gtin(gtin);
        lotCode = Gs1.lotCode(lotCode);
    }

    /** The lot as an EPCIS class identifier (a GS1 Digital Link URI). */
    public String epcClass() {
        return EpcisIds.lotClass(gtin, lotCode);
    }

    @Override
    public int compareTo(LotRef other) {
        int byGtin = gtin.compareTo(other.gtin);
        return byGtin != 0 ? byGtin : lotCode.compareTo(other.lotCode);
    }

    @Override
    public String toString() {
        return gtin + "/" + lotCode;
    }
}
