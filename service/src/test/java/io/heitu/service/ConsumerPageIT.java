package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.consumer.PreviewLinks;
import io.heitu.service.qr.CodeSignature;
import io.heitu.service.qr.SignedLink;
import io.heitu.service.support.Browser;
import io.heitu.service.support.Codes;
import io.heitu.service.support.PageText;
import io.heitu.service.support.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The consumer page in a real headless Chromium at 360 × 600, in Chinese and in English: what a
 * shopper sees on scanning a bag of Shulan rice, a forged code and a recalled lot; that a reload
 * is not another scan; the owner's preview; and a code typed by hand. Screenshots are kept in
 * {@code service/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerPageIT extends ServiceTest {

    static final int SCREEN = Browser.HEIGHT;

    Browser browser;

    @Autowired
    PreviewLinks previews;

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
    void a_genuine_bag_of_rice_answers_on_the_first_screen_in_chinese() {
        String code = riceCode();
        long block = codes().scan(code).at("/ledger/proof/blockNumber").asLong();
        browser.clearCookies().open(url(code));
        browser.firstScreen("docs-consumer-genuine-zh");
        browser.screenshot("genuine-zh");

        assertThat(browser.viewportWidth()).isEqualTo(360);
        assertThat(browser.attribute("html", "lang")).isEqualTo("zh-CN");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("GENUINE");
        assertThat(browser.text("#verdict-title")).isEqualTo("正品 · 验证通过");
        assertThat(browser.text("#product-name")).isEqualTo("舒兰大米 5kg");
        assertThat(browser.text("#producer")).isEqualTo("舒兰市稻香米业有限公司");
        assertThat(browser.attribute("#product-photo", "src"))
                .contains("/evidence/")
                .contains("w=320");
        assertThat(browser.text("#gi-badge")).contains("地理标志").contains("舒兰大米");
        assertThat(browser.text("#grade")).isEqualTo("一级");
        assertThat(browser.text("#origin-county")).isEqualTo("舒兰市");
        assertThat(browser.attribute(".origin svg", "aria-label")).contains("舒兰市");
        assertThat(browser.text("#inspection-result")).startsWith("✓ 合格");
        // The first screen: verdict, photo and name, producer, origin, inspection.
        for (String shown :
                List.of("#verdict", "#product-photo", "#product-name", "#producer", "#origin", "#inspection")) {
            assertThat(browser.bottom(shown)).as(shown).isLessThanOrEqualTo(SCREEN);
        }
        assertThat(browser.attribute("#call-12315", "href")).isEqualTo("tel:12315");
        assertThat(browser.all("#contact-merchant, #report")).hasSize(2);

        assertThat(browser.text("#journey"))
                .contains("采收")
                .contains("碾米加工")
                .contains("零售")
                .contains("24000 斤")
                // The demo is last season's records, put on the ledger months after the steps.
                .contains("补录");
        assertThat(browser.text("#inspections")).contains("合格").contains("镉").doesNotContain("Cd");
        assertThat(browser.text("#certificates"))
                .contains("绿色食品证书")
                .contains("地理标志使用授权")
                .contains("承诺达标合格证");
        assertThat(browser.all("#evidence li[data-kind='field_photo'][data-check='INTACT']"))
                .isNotEmpty();
        assertThat(browser.all("#evidence li[data-kind='inspection_report'][data-check='INTACT']"))
                .isNotEmpty();
        assertThat(browser.text("#evidence")).contains("与账本登记一致");

        assertThat(browser.text("#details")).isEqualTo("技术详情");
        browser.click("#details summary");
        assertThat(browser.text("#proof-block")).isEqualTo("#" + block);
        assertThat(browser.text("#proof-verified")).startsWith("通过");
        assertThat(browser.pageText()).satisfies(PageText::chineseOnly);

        assertThat(browser.attribute("meta[name='description']", "content")).contains("舒兰大米 5kg");
        assertThat(browser.attribute("meta[property='og:title']", "content")).contains("舒兰大米 5kg");
        assertThat(browser.attribute("meta[property='og:image']", "content"))
                .startsWith("http://localhost:" + port + "/evidence/");
        assertThat(browser.all("h1")).hasSize(1);
    }

    @Test
    void the_same_bag_in_english_after_the_switch() {
        String code = riceCode();
        browser.clearCookies().open(url(code));
        browser.element("#switch-language").click();
        browser.await("html[lang='en'] #verdict-title").screenshot("genuine-en");

        assertThat(browser.attribute("html", "lang")).isEqualTo("en");
        assertThat(browser.text("#verdict-title")).isEqualTo("Genuine — verified");
        assertThat(browser.text("#product-name")).isEqualTo("Shulan rice 5 kg");
        assertThat(browser.text("#origin-county")).isEqualTo("舒兰市");
        assertThat(browser.text("#origin-farm")).isEqualTo("Shulan Jingu Rice Cooperative");
        assertThat(browser.text("#scans")).startsWith("This code has been checked once");
        assertThat(browser.text("#journey"))
                .contains("Harvest")
                .contains("Milling")
                .contains("12000 kg (24000 jin)")
                .contains("recorded late");
        assertThat(browser.text("#inspections"))
                .contains("Pass")
                .contains("cadmium")
                .doesNotContain("镉");
        assertThat(browser.text("#call-12315")).isEqualTo("Call 12315");
        assertThat(browser.text("#switch-language")).isEqualTo("中文");
    }

    @Test
    void reloading_a_code_or_switching_its_language_does_not_count_another_scan() {
        String code = riceCode();
        browser.clearCookies().open(url(code));
        assertThat(browser.text("#scans")).startsWith("此码已被查询 1 次");

        browser.reload().await("#scans");
        assertThat(browser.text("#scans")).startsWith("此码已被查询 1 次");
        browser.click("#switch-language").await("html[lang='en'] #scans");
        assertThat(browser.text("#scans")).startsWith("This code has been checked once");
        browser.click("#switch-language").await("html[lang='zh-CN'] #scans");
        assertThat(browser.text("#scans")).startsWith("此码已被查询 1 次");

        // Another phone (an API client here) is another scan, and the page shows it on reload.
        assertThat(codes().scan(code).at("/scans/count").asLong()).isEqualTo(2);
        browser.reload().await("#scans");
        assertThat(browser.text("#scans")).startsWith("此码已被查询 2 次");
        browser.clearCookies().open(url(code));
        assertThat(browser.text("#scans")).startsWith("此码已被查询 3 次");
    }

    @Test
    void a_forged_code_is_not_genuine_tells_no_product_story_and_shows_nothing_green() {
        SignedLink real = SignedLink.parse(riceCode());
        byte[] bytes = real.signature().bytes();
        bytes[0] ^= 0x40;
        String forged =
                new SignedLink(real.link(), CodeSignature.of(real.signature().keyId(), bytes)).toUri("q.heitu.cn");
        browser.clearCookies().open(url(forged));
        browser.firstScreen("docs-consumer-forged-zh");
        browser.screenshot("forged-zh");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("SIGNATURE_INVALID");
        assertThat(browser.text("#verdict-title")).contains("非正品");
        assertThat(browser.text("#verdict-detail")).contains("12315");
        assertThat(browser.all("#glance, #origin, #evidence, #journey")).isEmpty();
        assertThat(browser.bottom("#help")).isLessThanOrEqualTo(SCREEN);
        assertThat(browser.all("#contact-merchant")).isEmpty();
        browser.click("#details summary");
        assertThat(browser.all(".pass")).isEmpty();
        assertThat(browser.pageText()).satisfies(PageText::chineseOnly);

        browser.open(url(forged) + "&lang=en");
        browser.screenshot("forged-en");
        assertThat(browser.text("#verdict-title")).isEqualTo("Not genuine: signature invalid");
    }

    @Test
    void a_recalled_lot_leads_with_what_to_do_and_shows_nothing_green() {
        String lot = "FS-RC-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String code = ginsengCode(lot);
        post("regulator", "/api/lots/" + Codes.GINSENG + "/" + lot + "/recall", Map.of("reason", "农残复检超标"));
        QrFlowIT.await(() -> "RECALLED".equals(codes().verdict(code)));
        browser.clearCookies().open(url(code));
        browser.firstScreen("docs-consumer-recalled-zh");
        browser.screenshot("recalled-zh");
        assertThat(browser.text("#verdict-title")).isEqualTo("该批次已召回");
        assertThat(browser.text("#verdict-detail")).startsWith("请停止食用");
        assertThat(browser.text("#verdict-reason")).isEqualTo("农残复检超标");
        // What to do comes before the product story.
        assertThat(browser.bottom("#help")).isLessThan(browser.bottom("#glance"));
        assertThat(browser.bottom("#help")).isLessThanOrEqualTo(SCREEN);
        assertThat(browser.text("#journey")).contains("召回").contains("农残复检超标");
        assertThat(browser.all("#gi-badge")).isEmpty();
        browser.click("#details summary");
        assertThat(browser.all(".pass")).isEmpty();
        assertThat(browser.text("#proof-verified")).doesNotContain("✓");
        assertThat(browser.pageText()).satisfies(PageText::chineseOnly);

        browser.open(url(code) + "&lang=en");
        browser.screenshot("recalled-en");
        assertThat(browser.text("#verdict-title")).isEqualTo("This lot is recalled");
    }

    @Test
    void the_owners_preview_is_marked_never_called_fake_and_never_counted() {
        String lotCode = codes().codes(
                        "miller",
                        codes().issue("miller", Codes.BAGS, Codes.RICE_LOT, 1, false)
                                .path("id")
                                .asString())
                .get(0);
        long before = codes().scan(lotCode).at("/scans/count").asLong();
        String preview = previews.link(Codes.BAGS, Codes.RICE_LOT);
        browser.clearCookies().open("http://localhost:" + port + preview);
        browser.open("http://localhost:" + port + preview);
        assertThat(browser.text("#preview")).contains("预览").contains("不计入扫码次数");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("GENUINE");
        assertThat(browser.attribute("meta[name='robots']", "content")).isEqualTo("noindex");
        assertThat(codes().scan(lotCode).at("/scans/count").asLong()).isEqualTo(before + 1);

        // A lot with no codes yet is previewed too, and said to have none; nothing calls it fake.
        String fresh = "FS-PV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        harvestGinseng(fresh);
        browser.open("http://localhost:" + port + previews.link(Codes.GINSENG, fresh));
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("GENUINE");
        assertThat(browser.text("#preview")).contains("尚未赋码");
        assertThat(browser.pageText()).doesNotContain("非正品");

        // A preview signature is the service's: changed, it is an unsigned code like any other.
        String tampered = preview.substring(0, preview.length() - 2) + (preview.endsWith("A") ? "BB" : "AA");
        browser.open("http://localhost:" + port + tampered);
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("UNKNOWN_CODE");
        assertThat(browser.all("#preview")).isEmpty();
    }

    @Test
    void a_code_typed_by_hand_is_checked_like_a_scan() {
        String code = riceCode();
        String serial = code.substring(code.indexOf("/21/") + 4, code.indexOf('?'));
        browser.clearCookies().open("http://localhost:" + port + "/scan");
        browser.firstScreen("docs-scan-zh");
        browser.type("#typed-gtin", Codes.BAGS)
                .type("#typed-lot", Codes.RICE_LOT)
                .type("#typed-sn", serial);
        browser.click("#typed-submit").await("#verdict-title");
        assertThat(browser.attribute("#verdict", "data-verdict")).isEqualTo("GENUINE");
        assertThat(browser.currentUrl()).contains("/21/" + serial).contains("s=");

        browser.open("http://localhost:" + port + "/scan");
        browser.type("#typed-gtin", Codes.BAGS)
                .type("#typed-lot", Codes.RICE_LOT)
                .type("#typed-sn", "NOSUCHSERIAL1");
        browser.click("#typed-submit").await("#scan-error");
        assertThat(browser.inFirstScreenWithFocus("#scan-error")).isTrue();
        assertThat(browser.text("#scan-error")).contains("没有找到这个编码").contains("12315");
        assertThat(browser.attribute("#typed-gtin", "aria-invalid")).isEqualTo("true");
        assertThat(browser.attribute("#typed-gtin", "value")).isEqualTo(Codes.BAGS);
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

        browser.clearCookies().open("http://localhost:" + port + "/scan");
        browser.screenshot("scan-form-zh");
        browser.element("#image").sendKeys(photo.toAbsolutePath().toString());
        browser.element("#photo-submit").click();
        browser.await("#verdict-title").screenshot("scan-result-zh");
        assertThat(browser.text("#verdict-title")).isEqualTo("正品 · 验证通过");
        assertThat(browser.text("#product-name")).isEqualTo("舒兰大米 5kg");
    }

    private String ginsengCode(String lot) {
        harvestGinseng(lot);
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
                        List.of(Map.of(
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
        return code;
    }

    private void harvestGinseng(String lot) {
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
    }

    private void post(String user, String path, Object body) {
        var response = api().post(user, path, body);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }
}
