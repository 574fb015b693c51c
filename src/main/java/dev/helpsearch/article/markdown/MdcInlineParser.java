package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Inline MDC: components ({@code :name[label]{attrs}}), attribute lists after spans, links, code
 * and emphasis, and {@code {{ bindings }}}. A component's {@code [label]} is left to flexmark, which
 * parses it as an (undefined) link reference with proper inline content; {@link #finalizeBlock}
 * then moves that content into the component.
 */
final class MdcInlineParser implements InlineParserExtension {

    /** The input the fields below describe: flexmark hands one paragraph or cell at a time. */
    private BasedSequence scanned;
    /** Where the last "}}" of {@link #scanned} starts, -1 if none. */
    private int lastBindingClose;

    MdcInlineParser(LightInlineParser parser) {}

    @Override
    public boolean parse(LightInlineParser parser) {
        ParseContext.current().check();
        BasedSequence input = parser.getInput();
        int index = parser.getIndex();
        return input.charAt(index) == ':' ? parseComponent(parser, input, index) : parseBraces(parser, input, index);
    }

    private boolean parseComponent(LightInlineParser parser, BasedSequence input, int index) {
        if (index > 0) {
            char previous = input.charAt(index - 1);
            if (!Character.isWhitespace(previous) && "[*_(".indexOf(previous) < 0) {
                return false;
            }
        }
        int nameEnd = MdcSyntax.name(input, index + 1);
        if (nameEnd < 0 || (nameEnd < input.length() && input.charAt(nameEnd) == ':')) {
            return false;
        }
        int end = nameEnd;
        String attributes = "";
        int attributesEnd = MdcSyntax.attributes(input, end, false);
        if (attributesEnd > 0) {
            attributes = input.subSequence(end, attributesEnd).toString();
            end = attributesEnd;
        }
        ParseContext.current().component(() -> ParseContext.lineOf(input, index));
        parser.flushTextNode();
        MdcInlineComponent component = new MdcInlineComponent(
                input.subSequence(index, end),
                input.subSequence(index + 1, nameEnd).toString());
        component.addAttributes(MdcAttributes.parse(attributes));
        parser.getBlock().appendChild(component);
        parser.setIndex(end);
        return true;
    }

    private boolean parseBraces(LightInlineParser parser, BasedSequence input, int index) {
        int bindingEnd = mayCloseBinding(input, index) ? MdcSyntax.binding(input, index) : -1;
        if (bindingEnd > 0) {
            parser.flushTextNode();
            parser.getBlock().appendChild(new MdcMarkup(input.subSequence(index, bindingEnd)));
            parser.setIndex(bindingEnd);
            return true;
        }
        if (index == 0 || !followsAttributableElement(parser, input.charAt(index - 1))) {
            return false;
        }
        int end = MdcSyntax.attributes(input, index, false);
        if (end < 0) {
            return false;
        }
        parser.flushTextNode();
        Node last = parser.getBlock().getLastChild();
        if (last instanceof MdcInlineComponent component) {
            component.addAttributes(
                    MdcAttributes.parse(input.subSequence(index, end).toString()));
        }
        parser.getBlock().appendChild(new MdcMarkup(input.subSequence(index, end)));
        parser.setIndex(end);
        return true;
    }

    /**
     * False when no "}}" follows: then a "{{" cannot open a binding, and scanning to the end of the
     * paragraph for every one of thousands of "{{" would be quadratic.
     */
    private boolean mayCloseBinding(BasedSequence input, int index) {
        if (input != scanned) {
            scanned = input;
            lastBindingClose = input.toString().lastIndexOf("}}");
        }
        return lastBindingClose >= index + 2;
    }

    /** remark-mdc takes {@code {...}} as attributes only right after a span, emphasis, code, link or image. */
    private static boolean followsAttributableElement(LightInlineParser parser, char previous) {
        if (previous == '*' || previous == '_') {
            return true;
        }
        Node last = parser.getBlock().getLastChild();
        if (previous == '`') {
            return last instanceof Code;
        }
        if (previous == ']' || previous == ')') {
            return last instanceof Link || last instanceof LinkRef || last instanceof Image || last instanceof ImageRef;
        }
        return false;
    }

    @Override
    public void finalizeBlock(InlineParser parser) {
        List<MdcInlineComponent> components = new ArrayList<>();
        collect(parser.getBlock(), components);
        for (MdcInlineComponent component : components) {
            Node next = component.getNext();
            if (next instanceof LinkRef label && label.getStartOffset() == component.getEndOffset()) {
                Node child = label.getFirstChild();
                while (child != null) {
                    Node following = child.getNext();
                    component.appendChild(child);
                    child = following;
                }
                component.setChars(
                        component.getChars().baseSubSequence(component.getStartOffset(), label.getEndOffset()));
                label.unlink();
            }
        }
    }

    private static void collect(Node node, List<MdcInlineComponent> into) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof MdcInlineComponent component) {
                into.add(component);
            }
            collect(child, into);
        }
    }

    @Override
    public void finalizeDocument(InlineParser parser) {}
}
