package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Codes;
import io.heitu.service.support.WebAppTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mills, carriers and shops in the web app: receiving by typed code and milling under the mass
 * balance, cold-chain readings from a CSV file, and a spreadsheet import with its dry run.
 */
class WebTradeIT extends WebAppTest {

    @Test
    void a_processor_receives_by_typing_the_code_and_mills_with_a_mass_balance() {
        String paddy = unique("P");
        String milled = unique("M");
        harvestByApi(paddy, 1500);
        shipToMillByApi(paddy, 1000);

        signIn("miller");
        menu("#nav-receive");
        browser.await("#move-form");
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
        Path dir = Files.createTempDirectory("heitu-csv-");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                "time,temperature,humidity,device\n2026-10-08 09:00,3.5,85,T1\nyesterday,4.0,,T1\n2026-10-08 11:00,warm,,T1\n");
        Path good = dir.resolve("good.csv");
        Files.writeString(
                good,
                "\uFEFFTime,Temperature,Humidity,Device\n2026-10-08 09:00,3.5,85,T1\n2026-10-08 10:00,4.1,83,T1\n");

        // Bags on the road with the carrier: readings are for goods one holds or carries.
        var shipped = api().post(
                        "miller",
                        "/api/events/shipments",
                        Map.of(
                                "lots",
                                List.of(line(Codes.BAGS, Codes.RICE_LOT, 2, "H87")),
                                "toMsp",
                                "ChangchunMartMSP",
                                "carrierMsp",
                                "ColdChainMSP",
                                "eventTime",
                                at(1, 7)));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);

        signIn("carrier");
        menu("#nav-coldchain");
        browser.await("#coldchain-form");
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
        Path dir = Files.createTempDirectory("heitu-import-");
        Path badRows = dir.resolve("bad.csv");
        Files.writeString(
                badRows,
                "action,gtin,lot,quantity,uom,party,time\n"
                        + "发货," + Codes.BAGS + "," + Codes.RICE_LOT + ",2,件,ChangchunMartMSP,2026-11-20 09:00\n"
                        + "送礼," + Codes.BAGS + "," + Codes.RICE_LOT + ",2,件,ChangchunMartMSP,2026-11-20 09:00\n"
                        + "ship,06901234500036," + Codes.RICE_LOT + ",2,件,ChangchunMartMSP,2026-11-20 09:00\n");
        Path tooMuch = dir.resolve("too-much.csv");
        Files.writeString(
                tooMuch,
                "action,gtin,lot,quantity,uom,party,time\n"
                        + "ship," + Codes.BAGS + "," + Codes.RICE_LOT + ",1,H87,ChangchunMartMSP,2026-11-20 09:00\n"
                        + "ship," + Codes.BAGS + "," + Codes.RICE_LOT
                        + ",999999,H87,ChangchunMartMSP,2026-11-20 10:00\n");
        Path good = dir.resolve("shipments.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = Files.newOutputStream(good)) {
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
        menu("#nav-import");
        browser.await("#import-form");
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
}
