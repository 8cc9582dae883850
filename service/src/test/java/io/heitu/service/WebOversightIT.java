package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Codes;
import io.heitu.service.support.PageText;
import io.heitu.service.support.WebAppTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regulators and the chaincode's refusals in the web app: a recall and its reach, in Chinese and in
 * English, the ranking without recalled lots, a recalled lot that offers no movement, and a role
 * refused.
 */
class WebOversightIT extends WebAppTest {

    /**
     * The regulator's inspection queue is paged from the lineage graph (the chaincode answering each
     * page's lots): walked to its last page it lists every lot some organisation holds that has no
     * lab result and is not recalled, each once, exactly as every organisation's {@code lot:List}
     * says, the lot recorded last first; a lot just harvested is in it, and leaves it once tested.
     * On both ledgers.
     */
    @Test
    void the_regulators_inspection_queue_lists_every_held_untested_lot_once() {
        String fresh = unique("Q");
        harvestByApi(fresh, 100);
        // Recorded after `fresh`, though harvested a day before it: the queue lists it first.
        String recordedLater = unique("Q");
        var earlier = api().post(
                        "farmer",
                        "/api/lots/harvests",
                        Map.of(
                                "gtin", PADDY,
                                "lotCode", recordedLater,
                                "quantity", Map.of("value", 100, "uom", "KGM"),
                                "plotId", plot,
                                "eventTime", at(3, 9)));
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(201);
        String tested = unique("Q");
        harvestByApi(tested, 100);
        passingLabResult(tested, at(1, 10));

        java.util.Set<String> expected = new java.util.HashSet<>();
        for (var org :
                api().get("regulator", "/api/organisations?pageSize=200").json().path("items")) {
            for (var view : listedLots("regulator", "mspId=" + org.path("mspId").asString())) {
                String state = view.path("state").asString();
                boolean open = state.equals("active") || state.equals("on_hold");
                var inspection = view.path("lot").path("inspection");
                if (open && (inspection.isMissingNode() || inspection.isNull())) {
                    expected.add(lotPage(view));
                }
            }
        }

        signIn("regulator");
        List<String> shown = walkPages("/app/inspect", "#queue-title", "#queue li a.lot", "#queue-next");

        assertThat(shown).doesNotHaveDuplicates();
        assertThat(new java.util.HashSet<>(shown)).isEqualTo(expected);
        assertThat(shown)
                .contains("/app/lots/" + PADDY + "/" + fresh)
                .doesNotContain("/app/lots/" + PADDY + "/" + tested);
        assertThat(shown.indexOf("/app/lots/" + PADDY + "/" + recordedLater))
                .as("the lot recorded last comes first, whatever its step's time")
                .isLessThan(shown.indexOf("/app/lots/" + PADDY + "/" + fresh));
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

        long labBlock = passingLabResult(paddy, at(1, 16));

        signIn("regulator");
        browser.type("#find-code", PADDY + " " + paddy)
                .click("#find-title + form button")
                .await("#recall-form");
        browser.type("#recall-reason", "镉超标 抽检").click("#recall-submit").await("#recall-confirm-page");
        // Nothing is recalled before the regulator has seen what the recall reaches.
        assertThat(api().get("regulator", "/api/lots/" + PADDY + "/" + paddy)
                        .json()
                        .path("state")
                        .asString())
                .isNotEqualTo("recalled");
        browser.firstScreen("docs-recall-confirm-zh");
        assertThat(browser.text("#confirm-reason")).isEqualTo("镉超标 抽检");
        assertThat(browser.text("#confirm-scope")).contains("共 2 个批次");
        assertThat(browser.text("#affected li[data-lot='" + milled + "']"))
                .contains("舒兰大米（散装）")
                .contains("舒兰市稻香米业有限公司 520 kg");
        browser.click("#recall-confirm").await("#recall-title");
        browser.screenshot("web-recall-zh");
        assertThat(browser.inFirstScreenWithFocus("#done")).isTrue();
        assertThat(browser.text("#done")).isEqualTo("召回已发布。");
        assertThat(browser.text("#recall-state")).isEqualTo("已召回");
        assertThat(browser.text("#affected li[data-lot='" + paddy + "']"))
                .contains("舒兰稻谷")
                .contains("已召回");
        assertThat(browser.text("#affected li[data-lot='" + milled + "']"))
                .contains("舒兰大米（散装）")
                .contains("舒兰市稻香米业有限公司 520 kg")
                .contains("已召回");

        browser.open(url("/app")).await("#flagged");
        assertThat(browser.text("#flagged li[data-lot='" + milled + "']"))
                .contains("已召回")
                .contains("镉超标 抽检")
                .contains("召回影响范围");
        // The page states the block its lists reflect at least: the lab result's, and the recall's after it.
        assertThat(browser.text("#as-of")).startsWith("账本截至区块 ");
        assertThat(Long.parseLong(browser.text("#as-of").substring("账本截至区块 ".length())))
                .isGreaterThan(labBlock);
        browser.open(url("/app/recalls/" + PADDY + "/" + paddy)).await("#affected");

        browser.click("#switch-language").await("html[lang='en'] #affected");
        browser.screenshot("web-recall-en");
        assertThat(browser.text("#recall-title")).isEqualTo("Reach of the recall");
        assertThat(browser.text("#affected li[data-lot='" + milled + "']"))
                .contains("Shulan Daoxiang Rice Mill 520 kg")
                .contains("Recalled");

        browser.open(url("/app/ranking?category=rice&scope=producers")).await("#ranking");
        assertThat(browser.text("#ranking-title")).isEqualTo("Quality ranking (产品品质排序)");
        assertThat(browser.text("#ranking")).contains("Shulan Daoxiang Rice Mill");
        browser.open(url("/app/ranking?category=rice&scope=lots&lang=zh")).await("#ranking");
        browser.firstScreen("docs-ranking-zh");
        assertThat(browser.text("#ranking-how")).contains("暂扣或召回中的批次不参与排序");
        assertThat(browser.all("#ranking li[data-lot='" + paddy + "']")).isEmpty();
        assertThat(browser.all("#ranking li[data-state='recalled'], #ranking li[data-state='on_hold']"))
                .isEmpty();
        assertThat(browser.text("#ranking li")).contains("分 + 检测合格");

        // The mill holds what was milled from the recalled paddy: nothing may move it now.
        signIn("miller");
        browser.open(url("/app/lots/" + MILLED + "/" + milled)).await("#lot");
        browser.firstScreen("docs-lot-recalled-zh");
        assertThat(browser.text("#lot-state")).isEqualTo("已召回");
        assertThat(browser.all("#act-ship, #act-transform, #act-sell, #labels-form"))
                .isEmpty();
        assertThat(browser.text("#no-movement")).contains("不能再发货");
        assertThat(browser.attribute("#recall-scope", "href")).endsWith("/app/recalls/" + MILLED + "/" + milled);
        assertThat(browser.pageText()).satisfies(PageText::chineseOnly);

        signIn("farmer");
        browser.open(url("/app?lang=zh")).await("#lots");
        assertThat(browser.text("#lots li[data-lot='" + paddy + "']"))
                .contains("最近：召回")
                .doesNotContain("暂扣");
    }

    @Test
    void a_retailer_is_refused_a_lab_result_by_the_chaincode_at_the_top_of_the_page_in_chinese() {
        signIn("grocer");
        browser.open(url("/app/lab")).await("#lab-form");
        browser.type("#code", Codes.BAGS + " " + Codes.RICE_LOT)
                .type("#analyte", "镉 Cd")
                .type("#value", "0.01")
                .type("#limit", "0.2");
        browser.click("#submit").await("#refusal");
        assertThat(browser.attribute("#refusal", "data-code")).isEqualTo("FORBIDDEN_ROLE");
        assertThat(browser.text("#refusal h2")).isEqualTo("角色无权执行此操作");
        assertThat(browser.inFirstScreenWithFocus("#refusal")).isTrue();
        assertThat(browser.pageText()).satisfies(PageText::chineseOnly);
    }

    /** A cadmium result well under the limit, recorded by the inspection body for a paddy lot: its block. */
    private long passingLabResult(String paddy, String eventTime) {
        var tested = api().post(
                        "inspector",
                        "/api/inspections/lab-results",
                        Map.of(
                                "gtin",
                                PADDY,
                                "lotCode",
                                paddy,
                                "kind",
                                "sampling",
                                "eventTime",
                                eventTime,
                                "reportNo",
                                "JL-QT-WEB-" + paddy,
                                "results",
                                List.of(Map.of("analyte", "镉 Cd", "value", 0.05, "unit", "mg/kg", "limit", 0.2))));
        assertThat(tested.status()).as(tested.body()).isEqualTo(201);
        return Long.parseLong(tested.headers().firstValue("X-Block-Number").orElseThrow());
    }
}
