package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Codes;
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
        String lot = unique("H");
        signIn("farmer");
        assertThat(browser.attribute("html", "lang")).isEqualTo("zh-CN");
        assertThat(browser.viewportWidth()).isEqualTo(390);
        browser.click("#nav-harvest").await("#harvest-form");
        browser.select("#plotId", plot).type("#lotCode", lot).type("#quantity", "2000");
        browser.screenshot("web-harvest-zh");
        browser.click("#submit").await("#done");
        assertThat(browser.text("#done")).isEqualTo("采收已记录到账本。");
        assertThat(browser.text("#lot-title")).isEqualTo("舒兰稻谷 · " + lot);
        assertThat(browser.text("#lot-state")).isEqualTo("正常");
        assertThat(browser.text("#lot-remaining")).isEqualTo("1000 kg"); // 2000 斤
        assertThat(browser.text("#lot-inspection")).isEqualTo("尚无检测结果");
        assertThat(browser.text("#steps")).contains("采收");

        browser.click("a[href='/app']").await("#lots");
        assertThat(browser.text("li[data-lot='" + lot + "']"))
                .contains("正常")
                .contains("本单位持有 1000 kg")
                .contains("最近：采收")
                .contains("可发货或加工");
        browser.screenshot("web-dashboard-zh");

        signIn("inspector");
        browser.click("#nav-queue").await("#queue");
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
        assertThat(browser.text("#label-progress")).isEqualTo("已生成 3 / 3 张（已完成）");
        assertThat(browser.attribute("#labels-pdf", "href")).endsWith("/pdf");

        JsonNode issuances = api().get("farmer", "/api/qr/issuances?gtin=" + PADDY + "&lotCode=" + lot)
                .json();
        String code = new Codes(api())
                .codes("farmer", issuances.get(0).path("id").asString())
                .get(0);
        browser.clearCookies().open(url(Codes.local(code)));
        browser.screenshot("web-consumer-after-harvest-zh");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("GENUINE");
        assertThat(browser.text("#journey")).contains("采收").contains("2000 斤");
        assertThat(browser.text("#inspections")).contains("合格").contains("镉 Cd");
    }

    @Test
    void a_harvest_inside_a_pre_harvest_interval_is_warned_about_and_refused() {
        signIn("farmer");
        browser.click("#nav-input").await("#input-form");
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
        assertThat(browser.attribute("#refusal", "data-code")).isEqualTo("PRE_HARVEST_INTERVAL");
        assertThat(browser.text("#refusal h2")).isEqualTo("未过安全间隔期");
    }

    @Test
    void a_farmer_registers_a_plot_with_its_location_area_and_soil() {
        String id = unique("WEBP-");
        signIn("farmer");
        browser.click("#nav-plots").await("#plot-form");
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
        browser.select("#plotId", plot).type("#lotCode", unique("X")).type("#quantity", "-5");
        browser.click("#submit").await("#quantity-error");
        assertThat(browser.text("#quantity-error")).isEqualTo("请输入大于 0 的数。");
        assertThat(browser.attribute("#quantity", "aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#form-errors")).contains("有字段需要改正");

        browser.open(url("/app/harvest?lang=en")).await("html[lang='en'] #harvest-form");
        browser.script("document.getElementById('harvest-form').noValidate = true");
        browser.select("#plotId", plot).type("#lotCode", "").type("#quantity", "-1");
        browser.click("#submit").await("#lotCode-error");
        browser.screenshot("web-bad-input-en");
        assertThat(browser.text("#lotCode-error")).isEqualTo("Please fill this in.");
        assertThat(browser.text("#quantity-error")).isEqualTo("Please enter a number greater than 0.");
    }
}
