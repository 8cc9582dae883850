package io.heitu.service.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FormErrorsTest {

    @Test
    void a_quantity_must_be_a_positive_number() {
        FormErrors errors = new FormErrors();
        assertThat(errors.positive("a", "2000")).isEqualByComparingTo("2000");
        assertThat(errors.positive("b", "-5")).isNull();
        assertThat(errors.positive("c", "twelve")).isNull();
        assertThat(errors.positive("d", " ")).isNull();
        assertThat(errors.asMap())
                .containsEntry("b", "form.error.positive")
                .containsEntry("c", "form.error.number")
                .containsEntry("d", "form.error.required")
                .doesNotContainKey("a");
    }

    @Test
    void a_quantity_keeps_the_digits_typed_so_the_ledger_sees_no_exponent() {
        BigDecimal value = new FormErrors().positive("q", "1000");
        assertThat(value.toString()).isEqualTo("1000");
    }

    @Test
    void a_local_time_is_china_time_on_the_ledger_and_never_in_the_future() {
        FormErrors errors = new FormErrors();
        assertThat(errors.time("t", "2026-10-01T08:30")).isEqualTo("2026-10-01T08:30:00+08:00");
        String tomorrow = LocalDateTime.now(FormErrors.CHINA).plusDays(1).format(FormErrors.LOCAL);
        assertThat(errors.time("future", tomorrow)).isNull();
        assertThat(errors.time("bad", "yesterday")).isNull();
        assertThat(errors.asMap()).containsEntry("future", "form.error.future").containsEntry("bad", "form.error.time");
    }

    @Test
    void a_lot_code_that_names_no_lot_is_marked_on_its_field() {
        FormErrors errors = new FormErrors();
        assertThat(errors.lot("code", "not a lot")).isNull();
        assertThat(errors.any()).isTrue();
        assertThat(errors.asMap()).containsEntry("code", "form.error.lot");
    }
}
