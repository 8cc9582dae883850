package io.heitu.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The web app in headless Chromium at a phone's size against the demo data: one browser per test
 * class, signed in through the login form, and a plot of the class's own, so that pesticide
 * sprayed by other tests cannot block a harvest. Screenshots: {@code target/screenshots/web-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WebAppTest extends ServiceTest {

    public static final String PADDY = "06901234500011";
    public static final String MILLED = "06901234500028";
    public static final String COOP = "ShulanRiceCoopMSP";
    public static final String MILL = "RiceMillMSP";

    protected Browser browser;
    protected String plot;

    @BeforeAll
    void openBrowser() {
        browser = new Browser();
        plot = newPlot("WEB-");
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new visitor (no session, no language chosen) signs in and lands on "my lots". */
    protected void signIn(String user) {
        browser.clearCookies().open(url("/login"));
        browser.type("#username", user).type("#password", Api.PASSWORD).click("#sign-in");
        browser.await("#lots-title");
    }

    /** Opens the header's menu and follows one of its links ({@code #nav-harvest} …). */
    protected void menu(String link) {
        browser.click("#menu-toggle").click(link);
    }

    /**
     * Every lot of every page of {@code /api/lots} for the query ({@code mspId}, {@code produced} …),
     * as {@code lot:List} answers them.
     */
    protected List<tools.jackson.databind.JsonNode> listedLots(String user, String query) {
        List<tools.jackson.databind.JsonNode> lots = new java.util.ArrayList<>();
        String bookmark = "";
        do {
            var page = api().get(
                            user,
                            "/api/lots?" + query + "&pageSize=200&bookmark="
                                    + java.net.URLEncoder.encode(bookmark, java.nio.charset.StandardCharsets.UTF_8))
                    .json();
            page.path("items").forEach(lots::add);
            bookmark = page.path("bookmark").asString("");
        } while (!bookmark.isEmpty());
        return lots;
    }

    /** The web app's page of a lot as {@code lot:List} or {@code lot:Get} answered it. */
    protected static String lotPage(tools.jackson.databind.JsonNode view) {
        return "/app/lots/" + view.path("lot").path("gtin").asString() + "/"
                + view.path("lot").path("lotCode").asString();
    }

    /**
     * A paged list of lots walked in the browser from {@code path} to its last page, following
     * {@code next}: the path of every lot it links ({@code links}), in the order shown.
     */
    protected List<String> walkPages(String path, String title, String links, String next) {
        List<String> shown = new java.util.ArrayList<>();
        String page = url(path);
        while (page != null) {
            browser.open(page).await(title);
            for (var link : browser.all(links)) {
                shown.add(java.net.URI.create(link.getAttribute("href")).getPath());
            }
            page = browser.all(next).isEmpty() ? null : browser.attribute(next, "href");
        }
        return shown;
    }

    protected String newPlot(String prefix) {
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

    protected static Map<String, Object> line(String gtin, String lot, Object value, String uom) {
        return Map.of("gtin", gtin, "lotCode", lot, "quantity", Map.of("value", value, "uom", uom));
    }

    /** A UTC+8 time some days ago, as the API takes it. */
    protected static String at(int daysAgo, int hour) {
        return java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
                .minusDays(daysAgo)
                .withHour(hour)
                .withMinute(0)
                .withSecond(0)
                .withNano(0)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    protected void harvestByApi(String lot, int kilograms) {
        var harvest = api().post(
                        "farmer",
                        "/api/lots/harvests",
                        Map.of(
                                "gtin", PADDY,
                                "lotCode", lot,
                                "quantity", Map.of("value", kilograms, "uom", "KGM"),
                                "plotId", plot,
                                "eventTime", at(2, 9)));
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(201);
    }

    protected void shipToMillByApi(String lot, int kilograms) {
        var shipped = api().post(
                        "farmer",
                        "/api/events/shipments",
                        Map.of(
                                "lots",
                                List.of(line(PADDY, lot, kilograms, "KGM")),
                                "toMsp",
                                MILL,
                                "eventTime",
                                at(1, 8)));
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
    }
}
