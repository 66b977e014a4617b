package org.neurotile.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
    private static String render(Page page) throws IOException {
        StringWriter out = new StringWriter();
        HtmlPage.write(page, out);
        return out.toString();
    }

    private static Page page(Table table) {
        return new Page("Report <1>", "one line", List.of(new Section("s", "Summary", "intro", List.of(table),
                List.of(new Figure("bars", "charts/a.png", "charts/a.svg", "caption")), List.of(), false)));
    }

    @Test
    void numbersCarryTheirExactValue() throws IOException {
        Table table = new Table("t", "caption", List.of("rule", "macs", "energy"),
                List.of(new Table.Row("mnist-fc/dfa", List.of(Cell.text("dfa"), Cell.count(1234567),
                        Cell.energy(1.5e6)))));
        String html = render(page(table));
        assertTrue(html.contains("<tr data-key=\"mnist-fc/dfa\">"), html);
        assertTrue(html.contains("data-value=\"1234567\">1,234,567</td>"), html);
        assertTrue(html.contains("data-value=\"1500000\">1.50 µJ</td>"), html);
    }

    @Test
    void textIsEscaped() throws IOException {
        String html = render(page(new Table("t", "a & b", List.of("x"), List.of())));
        assertTrue(html.contains("<title>Report &lt;1&gt;</title>"));
        assertTrue(html.contains("<caption>a &amp; b</caption>"));
    }

    @Test
    void figuresShowThePngAndLinkTheSvg() throws IOException {
        String html = render(page(new Table("t", "c", List.of("x"), List.of())));
        assertTrue(html.contains("<img src=\"charts/a.png\" alt=\"bars\">"), html);
        assertTrue(html.contains("href=\"charts/a.svg\""), html);
    }

    @Test
    void theHtmlHasNoScriptAndNoExternalResource() throws IOException {
        String html = render(page(new Table("t", "c", List.of("x"), List.of())));
        assertTrue(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"), html);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Table("t", "c", List.of("a", "b"),
                List.of(new Table.Row("k", List.of(Cell.text("only one"))))));
    }

    @Test
    void energiesUseTheNearestUnit() {
        assertEquals("812 pJ", Units.energy(812));
        assertEquals("3.41 nJ", Units.energy(3410));
        assertEquals("12.0 µJ", Units.energy(1.2e7));
        assertEquals("4.00 mJ", Units.energy(4e9));
    }

    @Test
    void ratiosAreShortAndADivisionByZeroIsADash() {
        assertEquals("2.50x", Cell.ratio(5, 2).text());
        assertEquals("1,234x", Cell.ratio(1234, 1).text());
        assertEquals("-", Cell.ratio(1, 0).text());
    }
}
