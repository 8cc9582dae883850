package io.heitu.service.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LotCodesTest {

    static final LocalDate DAY = LocalDate.of(2026, 9, 28);

    @Test
    void suggests_the_plot_and_the_day_within_twenty_characters() {
        assertThat(LotCodes.suggest("SL-PLOT-07", DAY)).isEqualTo("SL-PLOT-07-260928");
        assertThat(LotCodes.suggest("sl.plot_07", DAY)).isEqualTo("SLPLOT07-260928");
        String longPlot = LotCodes.suggest("JINGU-VILLAGE-NORTH-FIELD-12", DAY);
        assertThat(longPlot).endsWith("FIELD-12-260928").doesNotStartWith("-");
        assertThat(LotCodes.alternative(longPlot, 9)).hasSizeLessThanOrEqualTo(LotCodes.MAX);
        assertThat(LotCodes.suggest("金谷村", DAY)).isEqualTo("LOT-260928");
        assertThat(LotCodes.valid(LotCodes.alternative(LotCodes.suggest("SL-PLOT-07", DAY), 2)))
                .isTrue();
    }

    @Test
    void folds_full_width_typing_and_refuses_chinese_and_spaces() {
        assertThat(LotCodes.fold("ＳＬ２０２６－０９２８")).isEqualTo("SL2026-0928");
        assertThat(LotCodes.fold("\u3000SL-1 ")).isEqualTo("SL-1");
        assertThat(LotCodes.valid("SL2026-0928")).isTrue();
        assertThat(LotCodes.valid("稻谷一号")).isFalse();
        assertThat(LotCodes.valid("SL 2026")).isFalse();
        assertThat(LotCodes.valid("A".repeat(21))).isFalse();
        assertThat(LotCodes.valid("")).isFalse();
    }
}
