package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An inline component, {@code :badge[Beta]{color="red"}} or {@code :read-more{to="/x"}}. Its
 * children are the label, which is article text; name and attributes are not.
 */
public final class MdcInlineComponent extends Node {

    private final String name;
    private Map<String, String> attributes = Map.of();

    MdcInlineComponent(BasedSequence chars, String name) {
        super(chars);
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    void addAttributes(Map<String, String> more) {
        if (!more.isEmpty()) {
            var merged = new LinkedHashMap<>(attributes);
            merged.putAll(more);
            attributes = Map.copyOf(merged);
        }
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
