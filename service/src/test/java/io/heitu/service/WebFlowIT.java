package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Api;
import io.heitu.service.support.Browser;
import io.heitu.service.support.Codes;
import io.heitu.service.support.ServiceTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The web app in headless Chromium at a phone's size, each role's main flow against the demo data:
 * signed in with the form, every step through the pages and so through the chaincode's rules.
 * Full-page screenshots are kept in {@code service/target/screenshots/web-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebFlowIT extends ServiceTest {

    static final String PADDY = "06901234500011";
    static final String MILLED = "06901234500028";
    static final String COOP = "ShulanRiceCoopMSP";
    static final String MILL = "RiceMillMSP";

    Browser browser;
    String plot;
    String sprayedPlot;

    @BeforeAll
    void setUp() {
        browser = new Browser();
        // Plots of this test's own, so that pesticide sprayed by other tests cannot block a harvest here.
        plot = newPlot("WEB-");
        sprayedPlot = newPlot("WEBS-");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String newPlot(String prefix) {
        String id = unique(prefix);
        var created = api().post(
                        "farmer",
                        "/api/locations",
                        Map.of(
                                "id",
                                id,
                                "kind",
                                "plot",
                                "nameZh",
                                "网页测试地块 " + id,
                                "areaMu",
                                12,
                                "address",
                                Map.of("county", "舒兰市")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(String user) {
        browser.clearCookies().open(url("/login"));
        browser.type("#username", user).type("#password", Api.PASSWORD).click("#sign-in");
        browser.await("#lots-title");
    }

    void harvestByApi(String lot, int kilograms) {
        var harvest = api().post(
                        "farmer",
                        "/api/lots/harvests",
                        Map.of(
                                "gtin", PADDY,
                                "lotCode", lot,
                                "quantity", Map.of("value", kilograms, "uom", "KGM"),
                                "plotId", plot,
                                "eventTime", ApiFlowIT.at(2, 9)));
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
    }

    void shipToMillByApi(String lot, int kilograms) {
        var shipped = api().post(
                        "farmer",
                        "/api/events/shipments",
                        Map.of(
                                "lots", List.of(ApiFlowIT.line(PADDY, lot, kilograms, "KGM")),
                                "toMsp", MILL,
                                "eventTime", ApiFlowIT.at(1, 8)));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
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
    void a_processor_receives_by_typing_the_code_and_mills_with_a_mass_balance() {
        String paddy = unique("P");
        String milled = unique("M");
        harvestByApi(paddy, 1500);
        shipToMillByApi(paddy, 1000);

        signIn("miller");
        browser.click("#nav-receive").await("#move-form");
        browser.type("#code", "(01)" + PADDY + "(10)" + paddy)
                .type("#quantity", "1000")
                .select("#party", COOP);
        browser.click("#submit").await("#done");
        assertThat(browser.text("#done")).isEqualTo("收货已记录。");
        assertThat(browser.text("#holders")).contains("舒兰市稻香米业有限公司 · 1000 kg");

        browser.click("#act-transform").await("#transform-form");
        assertThat(browser.attribute("#inputCode", "value")).endsWith("/01/" + PADDY + "/10/" + paddy);
        browser.select("#kind", "milling").type("#inputQuantity", "1000");
        browser.select("#outputGtin", MILLED).type("#outputLot", milled).type("#outputQuantity", "1200");
        browser.click("#submit").await("#refusal");
        assertThat(browser.attribute("#refusal", "data-code")).isEqualTo("MASS_BALANCE_VIOLATED");
        assertThat(browser.text("#refusal")).contains("物料不平衡");
        browser.screenshot("web-mass-balance-refused-zh");

        browser.type("#outputQuantity", "650").click("#submit").await("#done");
        assertThat(browser.text("#done")).isEqualTo("加工已记录。");
        assertThat(browser.text("#lot-title")).isEqualTo("舒兰大米（散装） · " + milled);
        assertThat(browser.text("#lot-remaining")).isEqualTo("650 kg");
        assertThat(browser.text("#steps")).contains("碾米加工");
    }

    @Test
    void a_carrier_uploads_cold_chain_readings_from_a_csv_file_and_a_bad_file_writes_nothing() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("heitu-csv-");
        java.nio.file.Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(
                bad,
                "time,temperature,humidity,device\n2026-10-08 09:00,3.5,85,T1\nyesterday,4.0,,T1\n2026-10-08 11:00,warm,,T1\n");
        java.nio.file.Path good = dir.resolve("good.csv");
        java.nio.file.Files.writeString(
                good,
                "\uFEFFTime,Temperature,Humidity,Device\n2026-10-08 09:00,3.5,85,T1\n2026-10-08 10:00,4.1,83,T1\n");

        // Bags on the road with the carrier: readings are for goods one holds or carries.
        var shipped = api().post(
                        "miller",
                        "/api/events/shipments",
                        Map.of(
                                "lots",
                                List.of(ApiFlowIT.line(Codes.BAGS, Codes.RICE_LOT, 2, "H87")),
                                "toMsp",
                                "ChangchunMartMSP",
                                "carrierMsp",
                                "ColdChainMSP",
                                "eventTime",
                                ApiFlowIT.at(1, 7)));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);

        signIn("carrier");
        browser.click("#nav-coldchain").await("#coldchain-form");
        browser.type("#code", Codes.BAGS + " " + Codes.RICE_LOT);
        browser.element("#file").sendKeys(bad.toAbsolutePath().toString());
        browser.click("#submit").await("#row-errors");
        assertThat(browser.text("#row-errors"))
                .contains("文件有误，未写入任何数据")
                .contains("第 3 行：时间无法识别")
                .contains("第 4 行：温度或湿度不是数字");
        browser.screenshot("web-coldchain-errors-zh");

        browser.element("#file").sendKeys(good.toAbsolutePath().toString());
        browser.click("#submit").await("#done, #refusal").screenshot("web-coldchain-zh");
        assertThat(browser.text("#done")).isEqualTo("冷链读数已记录到账本。");
        assertThat(browser.text("#steps")).contains("冷链温度记录").contains("吉林省冷链物流有限公司");
    }

    @Test
    void a_spreadsheet_is_checked_in_a_dry_run_then_recorded_all_at_once() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("heitu-import-");
        java.nio.file.Path badRows = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(
                badRows,
                "action,gtin,lot,quantity,uom,party,time\n"
                        + "发货," + Codes.BAGS + "," + Codes.RICE_LOT + ",2,件,ChangchunMartMSP,2026-11-20 09:00\n"
                        + "送礼," + Codes.BAGS + "," + Codes.RICE_LOT + ",2,件,ChangchunMartMSP,2026-11-20 09:00\n"
                        + "ship,06901234500036," + Codes.RICE_LOT + ",2,件,ChangchunMartMSP,2026-11-20 09:00\n");
        java.nio.file.Path tooMuch = dir.resolve("too-much.csv");
        java.nio.file.Files.writeString(
                tooMuch,
                "action,gtin,lot,quantity,uom,party,time\n"
                        + "ship," + Codes.BAGS + "," + Codes.RICE_LOT + ",1,H87,ChangchunMartMSP,2026-11-20 09:00\n"
                        + "ship," + Codes.BAGS + "," + Codes.RICE_LOT
                        + ",999999,H87,ChangchunMartMSP,2026-11-20 10:00\n");
        java.nio.file.Path good = dir.resolve("shipments.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = java.nio.file.Files.newOutputStream(good)) {
            var sheet = workbook.createSheet("发货");
            String[][] rows = {
                {"action", "gtin", "lot", "quantity", "uom", "party", "time"},
                {"ship", Codes.BAGS, Codes.RICE_LOT, "3", "H87", "ChangchunMartMSP", "2026-11-20 09:00"},
                {"ship", Codes.BAGS, Codes.RICE_LOT, "4", "件", "ChangchunMartMSP", "2026-11-20 10:00"}
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (r > 0 && c == 3) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c])); // a number, as Excel keeps it
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
        }
        JsonNode before = api().get("miller", "/api/lots/" + Codes.BAGS + "/" + Codes.RICE_LOT)
                .json();

        signIn("miller");
        browser.click("#nav-import").await("#import-form");
        browser.element("#file").sendKeys(badRows.toAbsolutePath().toString());
        browser.click("#dry-run").await("#row-errors");
        assertThat(browser.text("#row-errors"))
                .contains("第 3 行：操作须为 发货、收货 或 销售")
                .contains("第 4 行：无法识别这个批次码")
                .doesNotContain("第 2 行");

        browser.element("#file").sendKeys(tooMuch.toAbsolutePath().toString());
        browser.click("#dry-run").await("#refusal");
        assertThat(browser.attribute("#refusal", "data-code")).isEqualTo("INSUFFICIENT_QUANTITY");
        assertThat(browser.text("#refusal-row")).isEqualTo("问题出在第 3 行；整批均未写入。");
        assertThat(api().get("miller", "/api/lots/" + Codes.BAGS + "/" + Codes.RICE_LOT)
                        .json()
                        .path("inTransit"))
                .as("a dry run writes nothing")
                .isEqualTo(before.path("inTransit"));

        browser.element("#file").sendKeys(good.toAbsolutePath().toString());
        browser.click("#dry-run").await("#preview");
        browser.screenshot("web-import-dry-run-zh");
        assertThat(browser.text("#preview-title")).isEqualTo("试运行通过：将记录 2 条");
        assertThat(browser.text("#preview")).contains("3 件").contains("4 件").contains("ChangchunMartMSP");
        browser.click("#commit").await("#done");
        assertThat(browser.text("#done")).isEqualTo("批量导入已记录到账本。");
        JsonNode after = api().get("miller", "/api/lots/" + Codes.BAGS + "/" + Codes.RICE_LOT)
                .json();
        assertThat(after.path("inTransit").size())
                .isEqualTo(before.path("inTransit").size() + 2);
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
    void a_regulator_recalls_a_lot_and_sees_every_lot_made_from_it_with_its_holder() {
        String paddy = unique("P");
        String milled = unique("M");
        harvestByApi(paddy, 800);
        shipToMillByApi(paddy, 800);
        var received = api().post(
                        "miller",
                        "/api/events/receipts",
                        Map.of(
                                "lots", List.of(ApiFlowIT.line(PADDY, paddy, 800, "KGM")),
                                "eventTime", ApiFlowIT.at(1, 12)));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        var milling = api().post(
                        "miller",
                        "/api/events/transformations",
                        Map.of(
                                "kind", "milling",
                                "inputs", List.of(ApiFlowIT.line(PADDY, paddy, 800, "KGM")),
                                "outputs", List.of(ApiFlowIT.line(MILLED, milled, 520, "KGM")),
                                "eventTime", ApiFlowIT.at(1, 15)));
        assertThat(milling.status()).as(milling.body()).isEqualTo(201);

        signIn("regulator");
        browser.type("#find-code", PADDY + " " + paddy)
                .click("#find-title + form button")
                .await("#recall-form");
        browser.type("#recall-reason", "镉超标 抽检").click("#recall-submit").await("#affected");
        browser.screenshot("web-recall-zh");
        assertThat(browser.text("#done")).isEqualTo("召回已发布。");
        assertThat(browser.text("#recall-state")).isEqualTo("已召回");
        assertThat(browser.text("#affected tr[data-lot='" + paddy + "']"))
                .contains("舒兰稻谷")
                .contains("已召回");
        assertThat(browser.text("#affected tr[data-lot='" + milled + "']"))
                .contains("舒兰大米（散装）")
                .contains("舒兰市稻香米业有限公司 520 kg")
                .contains("已召回");

        browser.click("#switch-language").await("html[lang='en'] #affected");
        browser.screenshot("web-recall-en");
        assertThat(browser.text("#recall-title")).isEqualTo("Reach of the recall");
        assertThat(browser.text("#affected tr[data-lot='" + milled + "']"))
                .contains("Shulan Daoxiang Rice Mill 520 kg")
                .contains("Recalled");

        browser.open(url("/app/ranking?category=rice&scope=producers")).await("#ranking");
        assertThat(browser.text("#ranking-title")).isEqualTo("Quality ranking (产品品质排序)");
        assertThat(browser.text("#ranking")).contains("Shulan Daoxiang Rice Mill");
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
    void a_retailer_is_refused_a_lab_result_by_the_chaincode_and_a_wrong_password_is_told_so() {
        signIn("grocer");
        browser.open(url("/app/lab")).await("#lab-form");
        browser.type("#code", Codes.BAGS + " " + Codes.RICE_LOT)
                .type("#analyte", "镉 Cd")
                .type("#value", "0.01")
                .type("#limit", "0.2");
        browser.click("#submit").await("#refusal");
        assertThat(browser.attribute("#refusal", "data-code")).isEqualTo("FORBIDDEN_ROLE");
        assertThat(browser.text("#refusal h2")).isEqualTo("角色无权执行此操作");

        browser.clearCookies().open(url("/login"));
        browser.type("#username", "farmer")
                .type("#password", "not-the-password")
                .click("#sign-in");
        browser.await("#login-error");
        assertThat(browser.text("#login-error")).isEqualTo("用户名或密码错误，请重试。");
    }
}
