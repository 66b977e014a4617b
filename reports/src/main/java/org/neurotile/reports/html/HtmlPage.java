package org.neurotile.reports.html;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link Page} as one self-contained HTML file: inline CSS, no script, no external
 * resources; charts are images beside the page. Numbers are right-aligned and carry their exact
 * value in {@code data-value}.
 */
public final class HtmlPage {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:2rem auto;\
            max-width:1200px;padding:0 1rem;color:#1b1f24;line-height:1.45}
            h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #d0d7de;\
            padding-bottom:.3rem}p.subtitle{color:#57606a;margin-top:0}
            nav a{margin-right:1rem}
            table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
            caption{text-align:left;font-weight:600;padding:.3rem 0}
            th,td{border:1px solid #d0d7de;padding:.25rem .6rem}th{background:#f6f8fa;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            tbody tr:nth-child(even){background:#fafbfc}
            figure{display:inline-block;margin:0 1rem 1.5rem 0;vertical-align:top}
            figure img{max-width:100%;height:auto;border:1px solid #d0d7de}
            figcaption{font-size:.85rem;color:#57606a;max-width:900px}
            pre{background:#f6f8fa;padding:.8rem;overflow:auto;font-size:.8rem;border:1px solid #d0d7de}
            details>summary{cursor:pointer;font-weight:600;margin:.6rem 0}
            """;

    private HtmlPage() {
    }

    public static void write(Page page, Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>" + escape(page.title()) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
        out.write("<h1>" + escape(page.title()) + "</h1>\n");
        out.write("<p class=\"subtitle\">" + escape(page.subtitle()) + "</p>\n<nav>");
        for (Section section : page.sections()) {
            out.write("<a href=\"#" + escape(section.id()) + "\">" + escape(section.heading()) + "</a>");
        }
        out.write("</nav>\n");
        for (Section section : page.sections()) {
            writeSection(section, out);
        }
        out.write("</body>\n</html>\n");
    }

    private static void writeSection(Section section, Writer out) throws IOException {
        out.write("<section id=\"" + escape(section.id()) + "\">\n<h2>" + escape(section.heading()) + "</h2>\n");
        if (!section.intro().isEmpty()) {
            out.write("<p>" + escape(section.intro()) + "</p>\n");
        }
        if (section.collapsed()) {
            out.write("<details>\n<summary>Show</summary>\n");
        }
        for (Table table : section.tables()) {
            writeTable(table, out);
        }
        for (Figure figure : section.figures()) {
            out.write("<figure><a href=\"" + escape(figure.svg()) + "\"><img src=\"" + escape(figure.png())
                    + "\" alt=\"" + escape(figure.title()) + "\"></a><figcaption>" + escape(figure.caption())
                    + " (<a href=\"" + escape(figure.svg()) + "\">SVG</a>)</figcaption></figure>\n");
        }
        for (Section.Preformatted block : section.blocks()) {
            out.write("<h3>" + escape(block.title()) + "</h3>\n<pre>" + escape(block.text()) + "</pre>\n");
        }
        if (section.collapsed()) {
            out.write("</details>\n");
        }
        out.write("</section>\n");
    }

    private static void writeTable(Table table, Writer out) throws IOException {
        out.write("<table id=\"" + escape(table.id()) + "\">\n<caption>" + escape(table.caption()) + "</caption>\n<thead><tr>");
        for (String header : table.headers()) {
            out.write("<th>" + escape(header) + "</th>");
        }
        out.write("</tr></thead>\n<tbody>\n");
        for (Table.Row row : table.rows()) {
            out.write("<tr data-key=\"" + escape(row.key()) + "\">");
            for (int c = 0; c < row.cells().size(); c++) {
                Cell cell = row.cells().get(c);
                String column = " data-column=\"" + escape(table.headers().get(c)) + "\"";
                if (cell.numeric()) {
                    out.write("<td class=\"num\"" + column + " data-value=\"" + number(cell.value()) + "\">"
                            + escape(cell.text()) + "</td>");
                } else {
                    out.write("<td" + column + ">" + escape(cell.text()) + "</td>");
                }
            }
            out.write("</tr>\n");
        }
        out.write("</tbody>\n</table>\n");
    }

    /** Exact and locale-free: whole numbers without a fraction, others in Java's shortest round-trip form. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
