package io.heitu.service.app;

import java.util.Map;

/**
 * What a form's fields did wrong, as the templates mark them: a field with an error is {@code
 * aria-invalid} and described by its message ({@code <field>-error}); a field the ledger's refusal
 * names is described by the refusal at the top of the page. Every page has one (empty) so the
 * templates need no null checks (public for the templates).
 *
 * @param byField message keys of the server's own checks, by field name
 * @param refused the field a ledger refusal is about, or null
 */
public record FieldErrors(Map<String, String> byField, String refused) {

    private static final FieldErrors NONE = new FieldErrors(Map.of(), null);

    public FieldErrors {
        byField = Map.copyOf(byField);
    }

    static FieldErrors none() {
        return NONE;
    }

    static FieldErrors of(Map<String, String> byField) {
        return new FieldErrors(byField, null);
    }

    /** The same, marking the form's field the refusal is about (the first of {@code formFields} it names). */
    static FieldErrors refusal(Refusal refusal, String... formFields) {
        return new FieldErrors(Map.of(), RefusedFields.of(refusal.code(), formFields));
    }

    /** Whether the server's own checks found anything; a refusal alone is not counted here. */
    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String message(String field) {
        return byField.get(field);
    }

    /** {@code "true"} for a field to mark, null (no attribute) otherwise. */
    public String invalid(String field) {
        return has(field) || field.equals(refused) ? "true" : null;
    }

    /** The ids describing the field: its hint (may be null) and its message or the refusal. */
    public String describedBy(String field, String hint) {
        String problem = has(field) ? field + "-error" : field.equals(refused) ? "refusal" : null;
        if (problem == null) {
            return hint;
        }
        return hint == null ? problem : hint + " " + problem;
    }
}
