package io.heitu.service.app;

/** What the farmer's forms post; every field arrives as text and is checked by {@link FormErrors}. */
final class FarmForms {

    private FarmForms() {}

    record Harvest(
            String gtin, String lotCode, String quantity, String uom, String plotId, String eventTime, String variety) {

        static Harvest blank(String weightUnit) {
            return new Harvest(null, null, null, weightUnit, null, FormErrors.now(), null);
        }
    }

    record Input(
            String plotId,
            String inputType,
            String productName,
            String dose,
            String doseUnit,
            String phiDays,
            String eventTime) {

        static Input blank() {
            return new Input(null, "pesticide", null, null, "mL/亩", null, FormErrors.now());
        }

        /** Plant-protection products and veterinary drugs must state their pre-harvest interval. */
        boolean needsInterval() {
            return switch (inputType == null ? "" : inputType) {
                case "pesticide", "herbicide", "fungicide", "insecticide", "veterinary_drug" -> true;
                default -> false;
            };
        }
    }

    record Commitment(String code, String number, String basis, String contact) {}
}
