package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * Builds a report as a user would and looks at it in headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs): every chart loads, the tables hold the numbers of
 * summary.json, and the page logs no console error. The screenshot is kept in
 * target/report-screenshot.png. Outside CI, a machine without Chromium skips the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {
    @TempDir
    static Path dir;
    private ChromeDriver browser;
    private Path report;

    @BeforeAll
    void buildTheReportAndOpenIt() {
        HeadlessChromium.assumeInstalled();
        Path runs = dir.resolve("runs");
        assertEquals(0, CommandLineRunner.run("run", "--array", "6x6", "--compare", "bp,dfa,ssdfa", "--trace",
                "--out", runs.toString()).status());
        report = dir.resolve("report");
        CommandLineRunner built = CommandLineRunner.run("report", runs.toString(), "--out", report.toString());
        assertEquals(0, built.status(), built.err());
        browser = HeadlessChromium.open(report.resolve("index.html"), dir.resolve("chromium-profile"));
    }

    @AfterAll
    void closeTheBrowser() throws IOException {
        HeadlessChromium.close(browser, "report-screenshot.png");
    }

    @Test
    void everyChartImageLoadsWithANonZeroSize() {
        HeadlessChromium.assertImagesLoaded(browser, 8);
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
        List<LogEntry> errors = HeadlessChromium.consoleWarnings(browser);
        assertFalse(errors.stream().findAny().isPresent(), errors.toString());
    }
}
