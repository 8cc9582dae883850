package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.qr.CodeSignature;
import io.heitu.service.qr.SignedLink;
import io.heitu.service.support.Browser;
import io.heitu.service.support.Codes;
import io.heitu.service.support.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The consumer page in a real headless Chromium at a phone's size, in Chinese and in English:
 * what a shopper sees after scanning a bag of Shulan rice, a forged code, and a recalled lot.
 * Full-page screenshots are kept in {@code service/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerPageIT extends ServiceTest {

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    Codes codes() {
        return new Codes(api());
    }

    String url(String code) {
        return "http://localhost:" + port + Codes.local(code);
    }

    String riceCode() {
        JsonNode issuance = codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 1, true);
        return codes().codes("miller", issuance.path("id").asString()).get(0);
    }

    @Test
    void a_genuine_bag_of_rice_in_chinese_by_default() {
        String code = riceCode();
        long block = codes().scan(code).at("/ledger/proof/blockNumber").asLong();
        browser.open(url(code));
        browser.screenshot("genuine-zh");

        assertThat(browser.viewportWidth()).isEqualTo(390);
        assertThat(browser.attribute("html", "lang")).isEqualTo("zh-CN");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("GENUINE");
        assertThat(browser.text("#verdict-title")).isEqualTo("正品 · 验证通过");
        assertThat(browser.text("#product-name")).isEqualTo("舒兰大米 5kg");
        assertThat(browser.text("#gi-badge")).contains("地理标志").contains("舒兰大米");
        assertThat(browser.text("#grade")).startsWith("一级");
        assertThat(browser.text("#origin-county")).isEqualTo("舒兰市");
        assertThat(browser.text("#origin-practice")).contains("梨树模式");
        assertThat(browser.text("#journey"))
                .contains("采收")
                .contains("碾米加工")
                .contains("零售")
                .contains("24000 斤")
                // The demo is last season's records, put on the ledger months after the steps.
                .contains("补录");
        assertThat(browser.text("#inspections")).contains("合格").contains("镉 Cd");
        assertThat(browser.text("#certificates"))
                .contains("绿色食品证书")
                .contains("地理标志使用授权")
                .contains("承诺达标合格证");
        assertThat(browser.text("#proof-block")).isEqualTo("#" + block);
        assertThat(browser.text("#proof-verified")).startsWith("通过");
        assertThat(browser.all("h1")).hasSize(1);
        assertThat(browser.all("h2").size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void the_same_bag_in_english_after_the_switch() {
        String code = riceCode();
        long block = codes().scan(code).at("/ledger/proof/blockNumber").asLong();
        browser.open(url(code));
        browser.element("#switch-language").click();
        browser.await("html[lang='en'] #verdict-title").screenshot("genuine-en");

        assertThat(browser.attribute("html", "lang")).isEqualTo("en");
        assertThat(browser.text("#verdict-title")).isEqualTo("Genuine — verified");
        assertThat(browser.text("#product-name")).isEqualTo("Shulan rice 5 kg");
        assertThat(browser.text("#origin-county")).isEqualTo("舒兰市");
        assertThat(browser.text("#origin-farm")).isEqualTo("Shulan Jingu Rice Cooperative");
        assertThat(browser.text("#journey"))
                .contains("Harvest")
                .contains("Milling")
                .contains("12000 kg (24000 jin)")
                .contains("recorded late");
        assertThat(browser.text("#inspections")).contains("Pass");
        assertThat(browser.text("#proof-block")).isEqualTo("#" + block);
        assertThat(browser.text("#switch-language")).isEqualTo("中文");
    }

    @Test
    void a_forged_code_is_not_genuine_and_tells_no_product_story() {
        SignedLink real = SignedLink.parse(riceCode());
        byte[] bytes = real.signature().bytes();
        bytes[0] ^= 0x40;
        String forged =
                new SignedLink(real.link(), CodeSignature.of(real.signature().keyId(), bytes)).toUri("q.heitu.cn");
        browser.open(url(forged));
        browser.screenshot("forged-zh");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("SIGNATURE_INVALID");
        assertThat(browser.text("#verdict-title")).contains("非正品");
        assertThat(browser.all("#product")).isEmpty();

        browser.open(url(forged) + "&lang=en");
        browser.screenshot("forged-en");
        assertThat(browser.text("#verdict-title")).isEqualTo("Not genuine: signature invalid");
    }

    @Test
    void a_recalled_lot_shows_the_recall() {
        String lot = "FS-RC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        post(
                "ginseng",
                "/api/lots/harvests",
                Map.of(
                        "gtin",
                        Codes.GINSENG,
                        "lotCode",
                        lot,
                        "quantity",
                        Map.of("value", 8, "uom", "KGM"),
                        "origin",
                        "harvest",
                        "plotId",
                        "FS-FOREST-03",
                        "eventTime",
                        ApiFlowIT.at(3, 9)));
        post(
                "inspector",
                "/api/inspections/lab-results",
                Map.of(
                        "gtin",
                        Codes.GINSENG,
                        "lotCode",
                        lot,
                        "kind",
                        "sampling",
                        "eventTime",
                        ApiFlowIT.at(2, 10),
                        "reportNo",
                        "JL-QT-IT-" + lot,
                        "results",
                        java.util.List.of(Map.of(
                                "analyte",
                                "铅 Pb",
                                "value",
                                0.2,
                                "unit",
                                "mg/kg",
                                "limit",
                                0.5,
                                "method",
                                "GB 2762-2022"))));
        JsonNode issuance = codes().issue("ginseng", Codes.GINSENG, lot, 1, true);
        String code = codes().codes("ginseng", issuance.path("id").asString()).get(0);
        assertThat(codes().verdict(code)).isEqualTo("GENUINE");

        post("regulator", "/api/lots/" + Codes.GINSENG + "/" + lot + "/recall", Map.of("reason", "农残复检超标"));
        QrFlowIT.await(() -> "RECALLED".equals(codes().verdict(code)));
        browser.open(url(code));
        browser.screenshot("recalled-zh");
        assertThat(browser.text("#verdict-title")).isEqualTo("该批次已召回");
        assertThat(browser.text("#lot-state")).isEqualTo("已召回");
        assertThat(browser.text("#recall")).contains("农残复检超标");
        assertThat(browser.text("#journey")).contains("召回").contains("农残复检超标");

        browser.open(url(code) + "&lang=en");
        browser.screenshot("recalled-en");
        assertThat(browser.text("#verdict-title")).isEqualTo("This lot is recalled");
    }

    @Test
    void a_photo_uploaded_on_the_scan_page_shows_the_same_page() throws Exception {
        JsonNode issuance = codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 1, true);
        String id = issuance.path("id").asString();
        String code = codes().codes("miller", id).get(0);
        String serial = code.substring(code.indexOf("/21/") + 4, code.indexOf('?'));
        Path photo = Files.createTempFile("label-", ".png");
        Files.write(
                photo,
                Codes.download(
                        "http://localhost:" + port,
                        "miller",
                        "/api/qr/issuances/" + id + "/codes/" + serial + ".png?size=500"));

        browser.open("http://localhost:" + port + "/scan");
        browser.screenshot("scan-form-zh");
        browser.element("#image").sendKeys(photo.toAbsolutePath().toString());
        browser.element("button[type=submit]").click();
        browser.await("#verdict-title").screenshot("scan-result-zh");
        assertThat(browser.text("#verdict-title")).isEqualTo("正品 · 验证通过");
        assertThat(browser.text("#product-name")).isEqualTo("舒兰大米 5kg");
    }

    private void post(String user, String path, Object body) {
        var response = api().post(user, path, body);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }
}
