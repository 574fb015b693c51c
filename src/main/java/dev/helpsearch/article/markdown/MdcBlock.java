package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Map;

/**
 * A block component, {@code ::callout{type="warning"}} ... {@code ::}. Its children are ordinary
 * Markdown blocks; its name, label, attributes and YAML props are markup, never article text.
 */
public final class MdcBlock extends Block {

    private final String name;
    private final String label;
    private final Map<String, String> attributes;
    private final int fenceLength;
    private String props = "";

    MdcBlock(BasedSequence chars, MdcSyntax.BlockOpening opening) {
        super(chars);
        this.name = opening.name();
        this.label = opening.label();
        this.attributes = MdcAttributes.parse(opening.attributes());
        this.fenceLength = opening.fenceLength();
    }

    public String name() {
        return name;
    }

    /** The {@code [label]} written after the name, or null. */
    public String label() {
        return label;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    int fenceLength() {
        return fenceLength;
    }

    /** The YAML written between {@code ---} lines at the top of the component, or "". */
    public String props() {
        return props;
    }

    void setProps(String props) {
        this.props = props;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
