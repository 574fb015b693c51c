package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Inline MDC markup that carries no article text: an attribute list after a span, link, code or
 * emphasis ({@code [text]{.badge}}), or a {@code {{ binding }}}.
 */
public final class MdcMarkup extends Node {

    MdcMarkup(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
