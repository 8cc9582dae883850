package io.heitu.service.app;

/**
 * What the processors', carriers' and retailers' forms post. A lot is typed or scanned as a code
 * ({@link LotKey}); quantities come with their unit (斤, kg or pieces).
 */
final class TradeForms {

    private TradeForms() {}

    record Move(String code, String quantity, String uom, String party, String carrier, String eventTime) {

        static Move blank(String code, String weightUnit) {
            return new Move(code, null, weightUnit, null, null, FormErrors.now());
        }
    }

    record Transform(
            String kind,
            String inputCode,
            String inputQuantity,
            String inputUom,
            String outputGtin,
            String outputLot,
            String outputQuantity,
            String outputUom,
            String eventTime) {

        static Transform blank(String code, String weightUnit) {
            return new Transform("milling", code, null, weightUnit, null, null, null, weightUnit, FormErrors.now());
        }
    }
}
