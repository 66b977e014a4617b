package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Builds a report as a user would and looks at it in headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs): every chart loads, the tables hold the numbers of
 * summary.json, and the page logs no console error. The screenshot is kept in
 * target/report-screenshot.png. Outside CI, a machine without Chromium skips the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;
    private ChromeDriver browser;
    private Path report;

    @BeforeAll
    void buildTheReportAndOpenIt() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "Chromium is not installed (.ci/run installs it)");
        }
        assertTrue(installed, "CI needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)");
        Path runs = dir.resolve("runs");
        assertEquals(0, CommandLineRunner.run("run", "--array", "6x6", "--compare", "bp,dfa,ssdfa", "--trace",
                "--out", runs.toString()).status());
        report = dir.resolve("report");
        CommandLineRunner built = CommandLineRunner.run("report", runs.toString(), "--out", report.toString());
        assertEquals(0, built.status(), built.err());

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.get(report.resolve("index.html").toUri().toString());
    }

    @AfterAll
    void closeTheBrowser() throws IOException {
        if (browser != null) {
            Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(Path.of("target"));
            Files.copy(screenshot, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    @Test
    void everyChartImageLoadsWithANonZeroSize() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.images).map(i => ({src: i.src, complete: i.complete, "
                        + "width: i.naturalWidth, height: i.naturalHeight}));");
        assertTrue(images.size() >= 8, "charts on the page: " + images.size());
        for (Map<String, Object> image : images) {
            assertEquals(Boolean.TRUE, image.get("complete"), image.toString());
            assertTrue(((Number) image.get("width")).longValue() > 0 && ((Number) image.get("height")).longValue() > 0,
                    image.toString());
        }
    }

    @Test
    void theSummaryTableHoldsTheNumbersOfSummaryJson() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        WebElement table = browser.findElement(By.id("summary"));
        List<String> checked = new ArrayList<>();
        for (JsonNode run : summary.get("runs")) {
            String key = run.get("key").asText();
            WebElement row = table.findElement(By.cssSelector("tr[data-key='" + key + "']"));
            for (WebElement cell : row.findElements(By.cssSelector("td[data-value]"))) {
                String column = cell.getAttribute("data-column");
                JsonNode expected = run.get("columns").get(column);
                assertTrue(expected != null, "summary.json has no column " + column + " for " + key);
                assertEquals(expected.asDouble(), Double.parseDouble(cell.getAttribute("data-value")), 0.0,
                        key + " " + column);
                checked.add(key + "/" + column);
            }
        }
        assertTrue(checked.size() >= 3 * 9, "cells checked: " + checked);
    }

    @Test
    void thePageLogsNoConsoleError() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertFalse(errors.stream().findAny().isPresent(), errors.toString());
    }
}
