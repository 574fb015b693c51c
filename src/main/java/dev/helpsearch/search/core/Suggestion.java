package dev.helpsearch.search.core;

/**
 * An as-you-type completion: an article title or a section heading.
 *
 * @param text        the title or heading, plain
 * @param highlighted the same text HTML-escaped, with the typed prefixes in {@code <mark>}
 */
public record Suggestion(String text, String url, String title, String heading, String highlighted) {}
