package dev.helpsearch.article.markdown;

/**
 * A heading anywhere in an article, with the id the help center renders for it.
 *
 * @param depth 1 to 6
 * @param text  the heading's text as the help center's parser reads it, untrimmed
 * @param id    the anchor; may be "" and may repeat, exactly as the help center's own ids do
 */
public record Heading(int depth, String text, String id) {}
