package dev.helpsearch.article;

import java.util.List;

/**
 * A part of an article that starts at a root-level heading, as the help center splits its pages
 * for search.
 *
 * @param anchor  the heading's id: the help center links to {@code path#anchor}
 * @param heading the heading text, trimmed
 * @param level   the heading level, 1 to 6
 * @param titles  the titles above it: the article title first (unless an h1 reset them), then the
 *                parent headings
 * @param text    readable prose of the section: paragraphs, list items and table cells on their own
 *                lines, inline code included, code blocks excluded
 * @param code    the section's code blocks
 * @param html    the section's body rendered as safe HTML, without its heading
 */
public record Section(
        String anchor, String heading, int level, List<String> titles, String text, String code, String html) {

    public Section {
        titles = List.copyOf(titles);
    }
}
