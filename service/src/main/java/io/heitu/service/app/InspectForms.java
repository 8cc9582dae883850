package io.heitu.service.app;

/** What the inspectors' forms post: one measured analyte against its limit, or a grade. */
final class InspectForms {

    private InspectForms() {}

    record Lab(
            String code,
            String reportNo,
            String analyte,
            String value,
            String unit,
            String limit,
            String method,
            String eventTime) {

        static Lab blank(String code) {
            return new Lab(code, null, null, null, "mg/kg", null, null, FormErrors.now());
        }
    }

    record Grade(String code, String standard, String level, String label, String eventTime) {

        static Grade blank(String code) {
            return new Grade(code, null, "1", null, FormErrors.now());
        }
    }
}
