package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium and chromium-driver (which .ci/run installs), headless, for looking at a
 * report as a reader would. Outside CI a machine without them skips the calling test; in CI they
 * must be there.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the test where Chromium is missing outside CI; fails it in CI. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "Chromium is not installed (.ci/run installs it)");
        }
        assertTrue(installed, "CI needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)");
    }

    /** A browser with its profile under {@code profile}, logging the console, showing {@code page}. */
    static ChromeDriver open(Path page, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.get(page.toUri().toString());
        return browser;
    }

    /** Keeps a screenshot as target/{@code name} and closes the browser. */
    static void close(ChromeDriver browser, String name) throws IOException {
        if (browser != null) {
            Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(Path.of("target"));
            Files.copy(screenshot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    /** Asserts that the page shows at least {@code atLeast} images, each loaded with a non-zero size. */
    static void assertImagesLoaded(ChromeDriver browser, int atLeast) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.images).map(i => ({src: i.src, complete: i.complete, "
                        + "width: i.naturalWidth, height: i.naturalHeight}));");
        assertTrue(images.size() >= atLeast, "charts on the page: " + images.size());
        for (Map<String, Object> image : images) {
            assertEquals(Boolean.TRUE, image.get("complete"), image.toString());
            assertTrue(((Number) image.get("width")).longValue() > 0 && ((Number) image.get("height")).longValue() > 0,
                    image.toString());
        }
    }

    /** The console messages of warning level or above. */
    static List<LogEntry> consoleWarnings(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }
}
