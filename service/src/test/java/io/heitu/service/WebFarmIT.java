package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.Codes;
import io.heitu.service.support.PageText;
import io.heitu.service.support.WebAppTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The farm's side of the web app in a phone-sized Chromium: a harvest that an inspector passes and
 * shoppers then see, the pre-harvest-interval warning and refusal, plots, and bad input.
 */
class WebFarmIT extends WebAppTest {

    String sprayedPlot;

    @BeforeAll
    void createSprayedPlot() {
        sprayedPlot = newPlot("WEBS-");
    }

    @Test
    void a_farmer_records_a_harvest_an_inspector_passes_it_and_shoppers_see_it() {
        signIn("farmer");
        assertThat(browser.attribute("html", "lang")).isEqualTo("zh-CN");
        assertThat(browser.viewportWidth()).isEqualTo(360);
        browser.firstScreen("docs-farm-dashboard-zh");
        menu("#nav-harvest");
        browser.await("#harvest-form");
        // The lot code is left blank: the app names it after the plot and the day.
        browser.select("#plotId", plot).type("#quantity", "2000");
        assertThat(browser.attribute("#lotCode", "placeholder")).matches(".*-\\d{6}");
        browser.firstScreen("docs-harvest-form-zh");
        browser.click("#submit").await("#done");
        assertThat(browser.inFirstScreenWithFocus("#done")).isTrue();
        browser.firstScreen("docs-harvest-done-zh");
        assertThat(browser.text("#done")).isEqualTo("采收已记录到账本。");
        String title = browser.text("#lot-title");
        assertThat(title).startsWith("舒兰稻谷 · ");
        String lot = title.substring("舒兰稻谷 · ".length());
        assertThat(lot).matches("[A-Z0-9-]{1,11}-\\d{6}(-\\d)?").hasSizeLessThanOrEqualTo(20);
        assertThat(plot.toUpperCase())
                .endsWith(lot.substring(0, lot.indexOf('-', 3)).replaceAll("^-", ""));
        assertThat(browser.text("#lot-state")).isEqualTo("正常");
        // Entered in 斤, shown in 斤.
        assertThat(browser.text("#lot-remaining")).isEqualTo("2000 斤");
        assertThat(browser.text("#lot-held")).isEqualTo("2000 斤");
        assertThat(browser.text("#lot-inspection")).isEqualTo("尚无检测结果");
        assertThat(browser.text("#steps")).contains("采收");
        assertThat(browser.all("#act-ship")).hasSize(1);
        assertThat(browser.text("label[for=label-count]")).startsWith("标签张数");

        // The owner's look at the consumer page: a signed preview, never "not genuine".
        browser.click("#act-consumer").await("#preview");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("GENUINE");
        assertThat(browser.text("#preview")).contains("预览").contains("尚未赋码");
        assertThat(browser.pageText()).doesNotContain("非正品");

        browser.open(url("/app")).await("#lots");
        assertThat(browser.text("li[data-lot='" + lot + "']"))
                .contains("正常")
                .contains("本单位持有 2000 斤")
                .contains("最近：采收")
                .contains("可发货或加工");
        browser.screenshot("web-dashboard-zh");

        // The cooperative asks the inspection body to test the harvest: inspectors read, and find on
        // their desk, only the lots a party to them asked them to inspect.
        browser.open(url("/app/lots/" + PADDY + "/" + lot)).await("#ask-form");
        browser.select("#ask-inspector", "JilinInspectionMSP")
                .click("#ask-submit")
                .await("#done");
        assertThat(browser.text("#done")).isEqualTo("已请检验机构检验：该批次已列入其待检清单。");

        signIn("inspector");
        menu("#nav-queue");
        browser.await("#queue");
        assertThat(browser.all("#queue li[data-lot='" + lot + "']")).hasSize(1);
        browser.click("#queue li[data-lot='" + lot + "'] a.lot").await("#act-lab");
        browser.click("#act-lab").await("#lab-form");
        browser.type("#analyte", "镉 Cd")
                .type("#value", "0.05")
                .type("#limit", "0.2")
                .type("#method", "GB 2762-2022");
        browser.click("#submit").await("#done");
        assertThat(browser.text("#done")).isEqualTo("检测结果已记录：合格。");
        assertThat(browser.text("#lot-inspection")).startsWith("合格（1/1 项）");
        browser.screenshot("web-lab-passed-zh");

        String report = unique("JL-QT-");
        browser.type("#cert-number", report).type("#cert-standard", "GB 2762-2022");
        browser.script("document.getElementById('cert-from').value = '2026-11-01';"
                + "document.getElementById('cert-until').value = '2027-10-31'");
        browser.click("#certificate-submit")
                .await("#certificates li[data-number='" + report + "'], #refusal, #status-error")
                .screenshot("web-certificate-zh");
        assertThat(browser.text("#done")).isEqualTo("证书已出具。");
        assertThat(browser.text("#certificates li[data-number='" + report + "']"))
                .contains("检测报告 " + report)
                .contains("有效")
                .contains("有效期至 2027-10-31");

        signIn("farmer");
        browser.open(url("/app/lots/" + PADDY + "/" + lot)).await("#labels-form");
        browser.type("#label-count", "3").click("#labels-submit").await("#label-job[data-state='done']");
        browser.firstScreen("docs-labels-zh");
        assertThat(browser.text("#label-progress")).isEqualTo("已生成 3 / 3 张（已完成）");
        assertThat(browser.attribute("#labels-pdf", "href")).endsWith("/pdf");

        JsonNode issuances = api().get("farmer", "/api/qr/issuances?gtin=" + PADDY + "&lotCode=" + lot)
                .json();
        String code = new Codes(api())
                .codes("farmer", issuances.get(0).path("id").asString())
                .get(0);
        browser.clearCookies().open(url(Codes.local(code)));
        browser.screenshot("web-consumer-after-harvest-zh");
        browser.firstScreen("docs-harvest-consumer-zh");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("GENUINE");
        assertThat(browser.text("#journey")).contains("采收").contains("2000 斤");
        assertThat(browser.text("#inspections")).contains("合格").contains("镉").doesNotContain("null");
    }

    /**
     * "My lots" is paged from the lineage graph (the chaincode answering each page's lots): walked to
     * its last page it lists every lot the farm holds some of or made, each once, exactly as the
     * chaincode's {@code lot:List} does, the lot recorded last first. On both ledgers.
     */
    @Test
    void my_lots_pages_list_every_lot_the_farm_holds_or_made_once_the_latest_first() {
        Api api = api();
        java.time.OffsetDateTime clock = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
                .minusMinutes(10)
                .withNano(0);
        // More lots than a page: a harvest split into 60, then the lot that must come first, since it
        // was recorded last, though its harvest came before the split (the steps' times order nothing).
        String split = unique("MY-");
        harvest(api, split, 120, clock);
        java.util.List<java.util.Map<String, Object>> outputs = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            outputs.add(jin(split + "-" + i, 2));
        }
        Api.Response transform = api.post(
                "farmer",
                "/api/events/transformations",
                java.util.Map.of(
                        "kind",
                        "split",
                        "inputs",
                        java.util.List.of(jin(split, 120)),
                        "outputs",
                        outputs,
                        "eventTime",
                        clock.plusMinutes(3).toString()));
        assertThat(transform.status()).as(transform.body()).isEqualTo(201);
        String lot = unique("MY-");
        harvest(api, lot, 80, clock.plusMinutes(2));

        java.util.Set<String> expected = new java.util.HashSet<>();
        for (String produced : java.util.List.of("false", "true")) {
            listedLots("farmer", "mspId=" + COOP + "&produced=" + produced)
                    .forEach(view -> expected.add(lotPage(view)));
        }

        signIn("farmer");
        java.util.List<String> shown = walkPages("/app", "#lots-title", "#lots li a.lot", "#lots-next");

        assertThat(shown.get(0)).isEqualTo("/app/lots/" + PADDY + "/" + lot);
        assertThat(shown).doesNotHaveDuplicates();
        assertThat(new java.util.HashSet<>(shown)).isEqualTo(expected);
        assertThat(expected.size()).as("more lots than a page").isGreaterThan(60);
    }

    private void harvest(Api api, String lot, int jin, java.time.OffsetDateTime at) {
        java.util.Map<String, Object> request = new java.util.HashMap<>(jin(lot, jin));
        request.put("plotId", plot);
        request.put("eventTime", at.toString());
        Api.Response harvest = api.post("farmer", "/api/lots/harvests", request);
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
    }

    private static java.util.Map<String, Object> jin(String lotCode, int jin) {
        return java.util.Map.of(
                "gtin", PADDY, "lotCode", lotCode, "quantity", java.util.Map.of("value", jin, "uom", "JIN"));
    }

    @Test
    void a_harvest_inside_a_pre_harvest_interval_is_warned_about_and_refused() {
        signIn("farmer");
        menu("#nav-input");
        browser.await("#input-form");
        browser.select("#plotId", sprayedPlot)
                .select("#inputType", "insecticide")
                .type("#productName", "氯虫苯甲酰胺 200g/L 悬浮剂")
                .type("#dose", "10")
                .type("#phiDays", "30");
        browser.click("#submit").await("#done");
        assertThat(browser.text("#done")).isEqualTo("投入品使用已记录。");
        assertThat(browser.text("#interval-warning")).contains("安全间隔期未过").contains("氯虫苯甲酰胺 200g/L 悬浮剂");

        browser.select("#plotId", sprayedPlot).type("#lotCode", unique("S")).type("#quantity", "100");
        browser.click("#submit").await("#refusal");
        browser.screenshot("web-pre-harvest-interval-zh");
        assertThat(browser.inFirstScreenWithFocus("#refusal")).isTrue();
        assertThat(browser.attribute("#refusal", "data-code")).isEqualTo("PRE_HARVEST_INTERVAL");
        assertThat(browser.text("#refusal h2")).isEqualTo("未过安全间隔期");
        assertThat(browser.attribute("#eventTime", "aria-invalid")).isEqualTo("true");
        assertThat(browser.attribute("#eventTime", "aria-describedby")).contains("refusal");
        assertThat(browser.pageText()).satisfies(PageText::chineseOnly);

        browser.open(url("/app/harvest?lang=en")).await("html[lang='en'] #harvest-form");
        browser.select("#plotId", sprayedPlot).type("#lotCode", unique("S")).type("#quantity", "100");
        browser.click("#submit").await("#refusal");
        assertThat(browser.text("#refusal-reason"))
                .doesNotContainPattern(PageText.ISO_TIME)
                .contains("China time");
    }

    @Test
    void a_farmer_registers_a_plot_with_its_location_area_and_soil() {
        String id = unique("WEBP-");
        signIn("farmer");
        menu("#nav-plots");
        browser.await("#plot-form");
        browser.type("#id", id)
                .type("#name", "金谷村9号稻田")
                .type("#county", "舒兰市")
                .type("#areaMu", "42.5")
                .type("#latitude", "44.4097")
                .type("#longitude", "126.9651")
                .type("#organicMatterPct", "3.6")
                .type("#practice", "梨树模式 秸秆覆盖免耕");
        browser.click("#submit").await("#done");
        assertThat(browser.text("#done")).isEqualTo("地块已登记。");
        assertThat(browser.text("#plots li[data-plot='" + id + "']")).isEqualTo("金谷村9号稻田 (" + id + ")");
        JsonNode plot = api().get("farmer", "/api/locations/" + id).json();
        assertThat(plot.at("/soil/organicMatterPct").asString()).isEqualTo("3.6");
        assertThat(plot.at("/geo/coordinates/1").asString()).isEqualTo("44.4097");
    }

    @Test
    void bad_input_comes_back_as_a_marked_form_in_the_users_language_never_a_500() {
        signIn("farmer");
        browser.open(url("/app/harvest")).await("#harvest-form");
        // As a client without HTML5 checks would send it.
        browser.script("document.getElementById('harvest-form').noValidate = true");
        browser.select("#plotId", plot).type("#lotCode", "稻谷一号").type("#quantity", "-5");
        browser.click("#submit").await("#quantity-error");
        assertThat(browser.inFirstScreenWithFocus("#form-errors")).isTrue();
        assertThat(browser.text("#quantity-error")).isEqualTo("请输入大于 0 的数。");
        assertThat(browser.attribute("#quantity", "aria-invalid")).isEqualTo("true");
        assertThat(browser.attribute("#quantity", "aria-describedby")).isEqualTo("quantity-error");
        assertThat(browser.text("#lotCode-error")).contains("不能有汉字");
        assertThat(browser.attribute("#lotCode", "aria-describedby")).isEqualTo("lotCode-hint lotCode-error");
        assertThat(browser.attribute("#plotId", "aria-invalid")).isNull();
        assertThat(browser.text("#form-errors")).contains("有字段需要改正");

        // A full-width code typed on a Chinese keyboard is folded to ASCII, not refused.
        String lot = unique("FW");
        browser.select("#plotId", plot).type("#lotCode", fullWidth(lot)).type("#quantity", "10");
        browser.click("#submit").await("#done");
        assertThat(browser.text("#lot-title")).endsWith(" · " + lot);

        browser.open(url("/app/harvest?lang=en")).await("html[lang='en'] #harvest-form");
        browser.script("document.getElementById('harvest-form').noValidate = true");
        browser.select("#plotId", plot).type("#quantity", "-1");
        browser.click("#submit").await("#quantity-error");
        browser.screenshot("web-bad-input-en");
        assertThat(browser.text("#quantity-error")).isEqualTo("Please enter a number greater than 0.");
    }

    @Test
    void a_wrong_password_keeps_the_user_name_and_marks_both_fields() {
        browser.clearCookies().open(url("/login"));
        browser.type("#username", "farmer")
                .type("#password", "not-the-password")
                .click("#sign-in");
        browser.await("#login-error");
        assertThat(browser.text("#login-error")).isEqualTo("用户名或密码错误，请重试。");
        assertThat(browser.attribute("#username", "value")).isEqualTo("farmer");
        assertThat(browser.attribute("#password", "aria-describedby")).isEqualTo("login-error");
        browser.type("#password", Api.PASSWORD).click("#sign-in");
        browser.await("#lots-title");
    }

    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c == '-' ? '－' : (char) (c - 0x21 + 0xFF01)));
        return wide.toString();
    }
}
