package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs a small sweep as a user would and looks at its report in headless Chromium: every chart
 * loads, the summary counts the database's points, the tables of non-dominated and infeasible
 * points are filled, and the page logs no console error. The screenshot is kept in
 * target/sweep-report-screenshot.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepReportInBrowserTest {
    @TempDir
    static Path dir;
    private ChromeDriver browser;
    private Path sweep;

    @BeforeAll
    void sweepAndOpenTheReport() throws IOException {
        HeadlessChromium.assumeInstalled();
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, SweepCommandTest.SMALL);
        sweep = dir.resolve("sweep");
        CommandLineRunner run = SweepCommandTest.sweep(file, sweep, "--threads", "2");
        assertEquals(0, run.status(), run.err());
        browser = HeadlessChromium.open(sweep.resolve("report/index.html"), dir.resolve("chromium-profile"));
    }

    @AfterAll
    void closeTheBrowser() throws IOException {
        HeadlessChromium.close(browser, "sweep-report-screenshot.png");
    }

    @Test
    void everyChartImageLoadsWithANonZeroSize() {
        HeadlessChromium.assertImagesLoaded(browser, 5);
    }

    @Test
    void theSummaryCountsThePointsOfTheDatabase() throws Exception {
        Path database = sweep.resolve("sweep.sqlite");
        WebElement summary = browser.findElement(By.id("summary"));
        for (String status : List.of("ok", "infeasible", "failed")) {
            WebElement cell = summary.findElement(By.cssSelector("tr[data-key='" + status + "'] td[data-value]"));
            assertEquals(SweepDatabases.count(database, "SELECT count(*) FROM points WHERE status = '" + status + "'"),
                    Integer.parseInt(cell.getAttribute("data-value")), status);
        }
    }

    @Test
    void theTablesOfNonDominatedAndInfeasiblePointsAreFilled() {
        for (String id : List.of("front-energy-cycles-points", "front-energy-area-points", "infeasible")) {
            List<WebElement> rows = browser.findElements(By.cssSelector("table#" + id + " tbody tr"));
            assertFalse(rows.isEmpty(), id);
            for (WebElement row : rows) {
                assertTrue(row.findElements(By.tagName("td")).stream().noneMatch(td -> td.getText().isBlank()),
                        id + ": " + row.getText());
            }
        }
    }

    @Test
    void thePageLogsNoConsoleError() {
        assertEquals(List.of(), HeadlessChromium.consoleWarnings(browser));
    }
}
