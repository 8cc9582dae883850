package io.heitu.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPicturesTest {

    @Test
    void the_demo_pictures_come_out_the_same_every_time_so_their_hashes_do() {
        DemoPictures once = DemoPictures.load();
        DemoPictures again = DemoPictures.load();

        assertThat(once.riceBag()).isEqualTo(again.riceBag());
        assertThat(once.paddyField()).isEqualTo(again.paddyField());
        assertThat(once.commitment("舒兰稻谷", "24000 斤", "合作社", "王建国", "2026-09-28"))
                .isEqualTo(again.commitment("舒兰稻谷", "24000 斤", "合作社", "王建国", "2026-09-28"));
        List<String[]> results = List.<String[]>of(new String[] {"镉", "0.06 mg/kg", "≤ 0.2"});
        assertThat(new String(
                        once.inspectionReport("R-1", "舒兰大米", "L-1", results),
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("%PDF-");
    }
}
