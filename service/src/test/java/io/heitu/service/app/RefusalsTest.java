package io.heitu.service.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalsTest {

    @Test
    void writes_the_chaincodes_utc_times_as_beijing_time() {
        assertThat(Refusals.beijingTimes("safe from 2026-11-28T08:14:00.000Z, not before"))
                .isEqualTo("safe from 2026-11-28 16:14 (China time), not before");
        assertThat(Refusals.beijingTimes("at 2026-11-28T23:30:00+08:00")).isEqualTo("at 2026-11-28 23:30 (China time)");
        assertThat(Refusals.beijingTimes("no time here")).isEqualTo("no time here");
    }

    @Test
    void a_refusal_marks_the_forms_field_it_is_about() {
        Refusal exists = new Refusal("LOT_EXISTS", "t", "d", null, null);
        assertThat(FieldErrors.refusal(exists, "lotCode", "quantity").invalid("lotCode"))
                .isEqualTo("true");
        assertThat(FieldErrors.refusal(exists, "lotCode", "quantity").describedBy("lotCode", "lotCode-hint"))
                .isEqualTo("lotCode-hint refusal");
        assertThat(FieldErrors.refusal(exists, "outputLot").invalid("outputLot"))
                .isEqualTo("true");
        Refusal tooLittle = new Refusal("INSUFFICIENT_QUANTITY", "t", "d", null, null);
        assertThat(FieldErrors.refusal(tooLittle, "code", "quantity").invalid("quantity"))
                .isEqualTo("true");
        assertThat(FieldErrors.refusal(tooLittle, "code", "quantity").invalid("code"))
                .isNull();
        assertThat(FieldErrors.refusal(new Refusal("FORBIDDEN_ROLE", "t", "d", null, null), "code")
                        .refused())
                .isNull();
        assertThat(FieldErrors.none().describedBy("x", null)).isNull();
    }
}
