package io.heitu.service.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.heitu.service.lot.page.LotPage;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ResolutionJsonTest {

    /** As the service's mapper is configured: absent values are left out. */
    static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 10, 5, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final LotPage.Org MILL =
            new LotPage.Org("RiceMillMSP", "舒兰市稻香米业有限公司", "Shulan Daoxiang Rice Mill", "91220283MA0Y6H7K3Q", "舒兰市");
    static final LotPage.Proof PROOF = new LotPage.Proof("ab12", 55, "ff00", AT.plusNanos(856_000_000));

    static LotPage page() {
        return new LotPage(
                new LotPage.Product("06901234500035", "舒兰大米 5kg", null, "rice", "舒兰大米", true, null, null, MILL),
                new LotPage.Lot("06901234500035", "R5-2026-1005", "active", null, null, null, null, null, null, MILL),
                null,
                List.of(new LotPage.Step(
                        AT, "packing", "R5-2026-1005", MILL, "加工厂", null, null, null, null, null, "ab12", 30L, false)),
                List.of(),
                new LotPage.Grade("一级", 1, "GB/T 1354-2018", AT),
                List.of(),
                List.of(new LotPage.Evidence(
                        "product_photo",
                        "ab".repeat(32),
                        "image/jpeg",
                        1600,
                        1200,
                        null,
                        "五公斤袋",
                        null,
                        MILL,
                        AT,
                        "tx")),
                List.of(new LotPage.Issuance("ab12", "RiceMillMSP", "kid", true, 24, PROOF)),
                Set.of("https://id.gs1.org/01/06901234500035/10/R5-2026-1005"));
    }

    static Resolution resolution(LotPage page, Scans.Stats scans, Freezes.Freeze freeze, String reason) {
        return new Resolution(
                new Resolution.Code(
                        "https://q.heitu.cn/01/06901234500035/10/R5-2026-1005/21/ABC",
                        "06901234500035",
                        "R5-2026-1005",
                        "ABC",
                        true,
                        "kid"),
                Verdict.GENUINE,
                true,
                Verdict.Severity.OK,
                "正品 · 验证通过",
                "此码由下方企业签发。\"引号\"\n换行",
                reason,
                false,
                MILL,
                scans,
                freeze,
                page,
                new Resolution.Ledger("embedded", true, AT.plusSeconds(7).plusNanos(383_780_589), PROOF));
    }

    static void assertSameAsJackson(Resolution resolution) {
        String fast = new String(new ResolutionJson(JSON).write(resolution), StandardCharsets.UTF_8);
        assertThat(JSON.readTree(fast)).isEqualTo(JSON.readTree(JSON.writeValueAsString(resolution)));
    }

    @Test
    void a_genuine_scan_is_the_same_document_as_jackson_writes() {
        assertSameAsJackson(resolution(page(), new Scans.Stats(3, 0, AT, 2, 1, 0, AT), null, null));
    }

    @Test
    void a_forged_code_without_page_scans_or_issuer_is_the_same_document_too() {
        Resolution forged = new Resolution(
                new Resolution.Code(
                        "https://q.heitu.cn/01/06901234500035/10/R5-2026-1005",
                        "06901234500035",
                        "R5-2026-1005",
                        null,
                        false,
                        null),
                Verdict.UNKNOWN_CODE,
                false,
                Verdict.Severity.DANGER,
                "非正品 · 未知二维码",
                "",
                "UNSIGNED",
                false,
                null,
                null,
                null,
                null,
                new Resolution.Ledger("embedded", false, null, null));
        assertSameAsJackson(forged);
    }

    @Test
    void a_frozen_code_carries_its_freeze() {
        var freeze = new Freezes.Freeze(
                7L, "06901234500035", "R5-2026-1005", "ABC", "label stolen", "miller", "RiceMillMSP", AT);
        assertSameAsJackson(resolution(page(), new Scans.Stats(1, 0, AT, 1, 1, 0, AT), freeze, "label stolen"));
    }

    @Test
    void the_page_is_serialised_once_and_reused() {
        ResolutionJson json = new ResolutionJson(JSON);
        LotPage page = page();
        byte[] first = json.write(resolution(page, new Scans.Stats(1, 0, AT, 1, 1, 0, AT), null, null));
        byte[] second = json.write(resolution(page, new Scans.Stats(2, 0, AT, 1, 1, 0, AT), null, null));
        assertThat(new String(second, StandardCharsets.UTF_8)).contains("\"count\":2");
        assertThat(second.length).isEqualTo(first.length);
    }
}
