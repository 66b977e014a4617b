package org.neurotile.reports.html;

/** A chart shown as its PNG, with a link to its SVG; paths are relative to the page. */
public record Figure(String title, String png, String svg, String caption) {
}
