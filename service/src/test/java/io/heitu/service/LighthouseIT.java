package io.heitu.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.heitu.service.support.Browser;
import io.heitu.service.support.Codes;
import io.heitu.service.support.ServiceTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lighthouse (npm {@code lighthouse}, its default mobile emulation and simulated slow 4G, run with
 * Debian's Chromium) on the consumer page and two of the farmer's pages, against thresholds:
 * performance ≥ 95, accessibility 100, best practices 100, and SEO ≥ 90 for the consumer page
 * (the field app's pages are {@code noindex} on purpose). {@code .ci/page-tools.sh} installs
 * Lighthouse into {@code .ci/tools/}; without it this test fails in CI and is skipped elsewhere.
 * Performance varies with a busy machine, so a page below its threshold is measured twice more
 * and judged by the median of three, as Lighthouse's own guidance on variability says.
 * Reports: {@code service/target/lighthouse/*.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LighthouseIT extends ServiceTest {

    static final Path LIGHTHOUSE = Path.of("..", ".ci", "tools", "node_modules", ".bin", "lighthouse");
    static final Path REPORTS = Path.of("target", "lighthouse");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    void lighthouseIsThere() {
        if (!Files.isExecutable(LIGHTHOUSE) || !Files.isExecutable(Browser.CHROMIUM)) {
            String missing = "Lighthouse is not installed at "
                    + LIGHTHOUSE.toAbsolutePath().normalize() + " (bash .ci/page-tools.sh) or Chromium at "
                    + Browser.CHROMIUM;
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
    }

    @Test
    void the_consumer_page_of_a_genuine_lot_code() throws Exception {
        Codes codes = new Codes(api());
        JsonNode issuance = codes.issue("miller", Codes.BAGS, Codes.RICE_LOT, 1, false);
        String code = codes.codes("miller", issuance.path("id").asString()).get(0);

        Map<String, Double> scores = audit("consumer", url(Codes.local(code)), null);
        String missed = Files.readString(REPORTS.resolve("consumer.missed.txt"));

        assertThat(scores.get("accessibility")).as(missed).isEqualTo(1.0);
        assertThat(scores.get("best-practices")).as(missed).isEqualTo(1.0);
        assertThat(scores.get("seo")).as(missed).isGreaterThanOrEqualTo(0.9);
        assertThat(scores.get("performance")).as(missed).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void the_farmers_lots_and_harvest_form() throws Exception {
        String session = signIn("farmer");
        for (String page : List.of("/app", "/app/harvest")) {
            String name = "farm" + page.replace('/', '-');
            Map<String, Double> scores = audit(name, url(page), session);
            String missed = page + ": " + Files.readString(REPORTS.resolve(name + ".missed.txt"));

            assertThat(scores.get("accessibility")).as(missed).isEqualTo(1.0);
            assertThat(scores.get("best-practices")).as(missed).isEqualTo(1.0);
            assertThat(scores.get("performance")).as(missed).isGreaterThanOrEqualTo(0.95);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * The category scores of a page; performance as the median of three runs when one is below 95.
     * The page is fetched once first, as a popular page is served from warm caches.
     */
    private Map<String, Double> audit(String name, String url, String session) throws Exception {
        HttpRequest.Builder warm = HttpRequest.newBuilder(URI.create(url));
        if (session != null) {
            warm.header("Cookie", "JSESSIONID=" + session);
        }
        assertThat(HttpClient.newHttpClient()
                        .send(warm.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
        Map<String, Double> scores = run(name, url, session);
        if (scores.get("performance") < 0.95) {
            List<Double> runs = new ArrayList<>(List.of(scores.get("performance")));
            runs.add(run(name + "-2", url, session).get("performance"));
            runs.add(run(name + "-3", url, session).get("performance"));
            runs.sort(null);
            scores.put("performance", runs.get(1));
        }
        Files.writeString(
                REPORTS.resolve("summary.txt"),
                name + " " + scores + System.lineSeparator(),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return scores;
    }

    private static int lighthouse(List<String> command, Path log, String url) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHROME_PATH", Browser.CHROMIUM.toString());
        Process lighthouse = builder.start();
        if (!lighthouse.waitFor(5, TimeUnit.MINUTES)) {
            lighthouse.destroyForcibly();
            throw new IllegalStateException("Lighthouse did not finish on " + url);
        }
        return lighthouse.exitValue();
    }

    private Map<String, Double> run(String name, String url, String session) throws Exception {
        Files.createDirectories(REPORTS);
        Path report = REPORTS.resolve(name + ".json").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(
                LIGHTHOUSE.toAbsolutePath().toString(),
                url,
                "--output=json",
                "--output-path=" + report,
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
                "--quiet"));
        if (session != null) {
            command.add("--extra-headers={\"Cookie\":\"JSESSIONID=" + session + "\"}");
        }
        Path log = REPORTS.resolve(name + ".log");
        int exit = lighthouse(command, log, url);
        if (exit != 0 && Files.readString(log).contains("Please run Lighthouse again")) {
            // Lighthouse's own trace recording failed (NO_NAVSTART on a busy machine), not the
            // page: its advice is to run again, which it gets once.
            exit = lighthouse(command, log, url);
        }
        assertThat(exit).as("Lighthouse on %s; see %s", url, log).isZero();
        JsonNode result = JSON.readTree(report.toFile());
        assertThat(result.path("finalDisplayedUrl").asString())
                .as("no redirect to the login")
                .isEqualTo(url);
        Map<String, Double> scores = new TreeMap<>();
        result.path("categories")
                .properties()
                .forEach(category -> scores.put(
                        category.getKey(), category.getValue().path("score").asDouble()));
        Files.writeString(
                REPORTS.resolve(name + ".missed.txt"), String.join("\n", missed(result)), StandardCharsets.UTF_8);
        return scores;
    }

    /** The weighted audits a page did not pass in full, for a failing run's message and log. */
    private static List<String> missed(JsonNode result) {
        List<String> missed = new ArrayList<>();
        result.path("categories").properties().forEach(category -> {
            for (JsonNode ref : category.getValue().path("auditRefs")) {
                JsonNode audit = result.path("audits").path(ref.path("id").asString());
                if (ref.path("weight").asDouble() > 0
                        && audit.path("score").isNumber()
                        && audit.path("score").asDouble() < 1) {
                    missed.add(category.getKey() + "/" + ref.path("id").asString() + "="
                            + audit.path("score").asDouble() + " "
                            + audit.path("displayValue").asString(""));
                }
            }
        });
        return missed;
    }

    /** Signs in through the login form and returns the session cookie's value. */
    private String signIn(String user) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String form = http.send(
                        HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).as("the login form's CSRF token").isTrue();
        String body = "username=" + user + "&password=heitu-demo&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/app"));
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
    }
}
