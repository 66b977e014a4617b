package org.neurotile.reports.html;

import java.util.List;

/** The report page: a title, one line under it, and its sections. */
public record Page(String title, String subtitle, List<Section> sections) {
    public Page {
        sections = List.copyOf(sections);
    }
}
