package dev.helpsearch.search.core;

import java.util.List;

/**
 * One ranked answer: a section ({@code anchor} set) or a whole article ({@code anchor} "").
 *
 * @param url     where the answer is: {@code path#anchor}, or the path alone for an article;
 *                absolute when the service is configured with the help center's site URL
 * @param snippet the best passage, HTML-escaped, with every match in {@code <mark>}
 * @param highlighted the title and heading, escaped and marked as the snippet is
 */
public record SearchHit(
        String url,
        String path,
        String anchor,
        String title,
        String heading,
        List<String> titles,
        String category,
        String snippet,
        Highlighted highlighted,
        double score) {

    /** HTML-escaped, with the matched words (or the typed part of a word being typed) in {@code <mark>}. */
    public record Highlighted(String title, String heading) {}

    public SearchHit {
        titles = List.copyOf(titles);
    }
}
