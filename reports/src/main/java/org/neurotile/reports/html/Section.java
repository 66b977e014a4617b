package org.neurotile.reports.html;

import java.util.List;

/**
 * A part of the page: a heading, a paragraph, tables, figures and preformatted blocks (such as a
 * configuration in JSON), in that order. {@code collapsed} sections start folded.
 */
public record Section(String id, String heading, String intro, List<Table> tables, List<Figure> figures,
                      List<Preformatted> blocks, boolean collapsed) {

    public record Preformatted(String title, String text) {
    }

    public Section {
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        blocks = List.copyOf(blocks);
    }
}
