package dev.helpsearch.article.markdown;

import java.util.List;

/**
 * A parsed article body.
 *
 * @param headings every heading at any depth, in document order, with its id
 * @param blocks   the root-level blocks in order
 */
public record MarkdownBody(List<Heading> headings, List<BodyBlock> blocks) {

    public MarkdownBody {
        headings = List.copyOf(headings);
        blocks = List.copyOf(blocks);
    }
}
