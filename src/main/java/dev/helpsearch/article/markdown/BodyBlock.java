package dev.helpsearch.article.markdown;

/**
 * One root-level block of an article body. Only root-level headings start sections, so the body
 * is kept as this flat list; everything nested inside a block belongs to it.
 */
public sealed interface BodyBlock {

    /** The block rendered as safe HTML, headings carrying their ids. */
    String html();

    /** A root-level heading. */
    record HeadingBlock(Heading heading, String html) implements BodyBlock {}

    /**
     * Any other root-level block.
     *
     * @param kind     what the block is, for the title/description rules that look at the first blocks
     * @param nuxtText the block's text as the help center's parser concatenates it (no separators)
     * @param prose    readable text, one line per paragraph, list item or table cell; no code blocks
     * @param code     the text of fenced and indented code blocks
     */
    record ContentBlock(Kind kind, String nuxtText, String prose, String code, String html) implements BodyBlock {}

    enum Kind {
        PARAGRAPH,
        THEMATIC_BREAK,
        OTHER
    }
}
