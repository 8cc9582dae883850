package io.heitu.service.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LotKeyTest {

    static final LotKey RICE = new LotKey("06901234500035", "R5-2026-1005");

    @Test
    void reads_a_gs1_digital_link_from_any_resolver_with_its_signature() {
        // Scanning one bag's own code names its lot: goods are received by lot.
        assertThat(LotKey.parse("https://q.heitu.cn/01/06901234500035/10/R5-2026-1005/21/A7?s=abc"))
                .contains(RICE);
        assertThat(LotKey.parse("https://id.gs1.org/01/06901234500035/10/R5-2026-1005?s=k1.abc"))
                .contains(RICE);
    }

    @Test
    void reads_an_element_string_with_or_without_brackets_as_scanners_send_it() {
        assertThat(LotKey.parse("(01)06901234500035(10)R5-2026-1005")).contains(RICE);
        assertThat(LotKey.parse("010690123450003510R5-2026-1005")).contains(RICE);
    }

    @Test
    void reads_a_typed_gtin_and_lot_and_pads_a_gtin_13() {
        assertThat(LotKey.parse("  06901234500035 R5-2026-1005 ")).contains(RICE);
        assertThat(LotKey.parse("06901234500035/R5-2026-1005")).contains(RICE);
        assertThat(LotKey.parse("6901234500035 R5-2026-1005")).contains(RICE);
    }

    @Test
    void refuses_a_wrong_check_digit_and_text_that_names_no_lot() {
        assertThat(LotKey.parse("06901234500036 R5-2026-1005")).isEmpty();
        assertThat(LotKey.parse("rice from Shulan")).isEmpty();
        assertThat(LotKey.parse("")).isEmpty();
        assertThat(LotKey.parse(null)).isEmpty();
    }

    @Test
    void names_its_page_and_its_digital_link() {
        assertThat(RICE.page()).isEqualTo("/app/lots/06901234500035/R5-2026-1005");
        assertThat(RICE.uri()).isEqualTo("https://id.gs1.org/01/06901234500035/10/R5-2026-1005");
        assertThat(LotKey.parse(RICE.uri())).contains(RICE);
    }
}
