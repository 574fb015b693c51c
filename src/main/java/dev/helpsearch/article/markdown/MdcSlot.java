package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A slot marker line inside a block component ({@code #title}); the content after it is text. */
public final class MdcSlot extends Block {

    private final String name;

    MdcSlot(BasedSequence chars, String name) {
        super(chars);
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
