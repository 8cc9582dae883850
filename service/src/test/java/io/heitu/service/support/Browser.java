package io.heitu.service.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium at a phone's viewport, driven through Debian's chromedriver: both
 * paths are given, so Selenium Manager never looks for, let alone downloads, a browser or driver.
 * Each instance has a fresh profile; {@link #screenshot} keeps full-page PNGs as test artefacts.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * A small Android phone's screen, 360 × 600 CSS pixels once the browser's own bars are taken:
     * what must hold a page's answer without scrolling.
     */
    public static final int WIDTH = 360;

    public static final int HEIGHT = 600;

    /** Device pixels per CSS pixel, as on most phones sold in China. */
    static final double PIXEL_RATIO = 2.0;

    private final Path profile;
    private final ChromeDriver driver;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + CHROMIUM
                    + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (CI's .ci/run installs them;"
                    + " no test downloads a browser)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            profile = Files.createTempDirectory("heitu-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of("width", WIDTH, "height", HEIGHT, "pixelRatio", PIXEL_RATIO, "touch", true),
                        "userAgent",
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Waits (up to 30 s) for an element, e.g. after a form is submitted. */
    public Browser await(String cssSelector) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
        return this;
    }

    public String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public WebElement element(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public String attribute(String cssSelector, String name) {
        return element(cssSelector).getAttribute(name);
    }

    /** Replaces a field's value, as a person typing (or a scanner acting as a keyboard) would. */
    public Browser type(String cssSelector, String text) {
        WebElement field = element(cssSelector);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses the option with this value in a select. */
    public Browser select(String cssSelector, String value) {
        new Select(element(cssSelector)).selectByValue(value);
        return this;
    }

    public Browser click(String cssSelector) {
        element(cssSelector).click();
        return this;
    }

    /** Runs a script in the page, e.g. to send a form past its HTML5 constraints as a non-browser client would. */
    public Object script(String javaScript) {
        return driver.executeScript(javaScript);
    }

    /** Forgets the session and the language choice: the next page is a new visitor's. */
    public Browser clearCookies() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** The whole page's visible text. */
    public String pageText() {
        return text("body");
    }

    /**
     * Whether the element is wholly on the first screen (no scrolling) and has the keyboard focus:
     * where a page's answer must be after a submit.
     */
    public boolean inFirstScreenWithFocus(String cssSelector) {
        Object answer = driver.executeScript("""
                const e = document.querySelector(arguments[0]);
                if (!e) return 'missing';
                const r = e.getBoundingClientRect();
                const onScreen = window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
                return onScreen && document.activeElement === e ? 'yes' : 'top ' + r.top + ', bottom ' + r.bottom
                    + ', scrollY ' + window.scrollY + ', focus on #' + document.activeElement.id;""", cssSelector);
        if (!"yes".equals(answer)) {
            throw new AssertionError(cssSelector + " is not wholly in the first screen with focus: " + answer);
        }
        return true;
    }

    /** Where the element's bottom edge is on the page when nothing is scrolled, in CSS pixels. */
    public double bottom(String cssSelector) {
        return ((Number) driver.executeScript(
                        "return document.querySelector(arguments[0]).getBoundingClientRect().bottom + window.scrollY",
                        cssSelector))
                .doubleValue();
    }

    /** Reloads the page, as a shopper pulling down to refresh does. */
    public Browser reload() {
        driver.navigate().refresh();
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The CSS width of the layout viewport, to show the page really is at a phone's size. */
    public long viewportWidth() {
        return ((Number) driver.executeScript("return window.innerWidth")).longValue();
    }

    /**
     * The first screen only, at one device pixel per CSS pixel, as a small PNG for the docs:
     * {@code target/screenshots/<name>.png}.
     */
    public Path firstScreen(String name) {
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "clip",
                        Map.of("x", 0, "y", 0, "width", WIDTH, "height", HEIGHT, "scale", 1 / PIXEL_RATIO)));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes the whole page, not just the screen, to {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
