package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Codes;
import io.heitu.service.support.WebAppTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regulators and the chaincode's refusals in the web app: a recall and its reach, in Chinese and in
 * English, the quality ranking, a role refused, an unknown lot and a wrong password.
 */
class WebOversightIT extends WebAppTest {

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
                                "lots", List.of(line(PADDY, paddy, 800, "KGM")),
                                "eventTime", at(1, 12)));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        var milling = api().post(
                        "miller",
                        "/api/events/transformations",
                        Map.of(
                                "kind", "milling",
                                "inputs", List.of(line(PADDY, paddy, 800, "KGM")),
                                "outputs", List.of(line(MILLED, milled, 520, "KGM")),
                                "eventTime", at(1, 15)));
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

        browser.open(url("/app")).await("#flagged");
        assertThat(browser.text("#flagged li[data-lot='" + milled + "']"))
                .contains("已召回")
                .contains("镉超标 抽检");
        browser.open(url("/app/recalls/" + PADDY + "/" + paddy)).await("#affected");

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
