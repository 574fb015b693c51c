package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Parses an article body (front matter already removed) the way the help center's Nuxt Markdown
 * pipeline does: CommonMark with GFM, MDC components, and heading ids assigned in document order
 * by one slugger per document. Thread-safe and reusable.
 */
public final class MarkdownParser {

    private static final String HEADINGS = "h1, h2, h3, h4, h5, h6";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final ParseLimits limits;

    public MarkdownParser() {
        this(ParseLimits.DEFAULT);
    }

    /** A parser that stops with {@link ParseLimitExceeded} when a body would cost more than {@code limits}. */
    public MarkdownParser(ParseLimits limits) {
        this.limits = limits;
        MutableDataSet options = new MutableDataSet();
        options.set(
                Parser.EXTENSIONS,
                List.of(
                        MdcExtension.create(),
                        TablesExtension.create(),
                        StrikethroughExtension.create(),
                        TaskListExtension.create(),
                        AutolinkExtension.create(),
                        FootnoteExtension.create()));
        // GFM table rules: the delimiter row must match the header's column count.
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // Anchors come from HeadingSlugger. flexmark's own ids are never rendered, yet it would
        // generate them for the whole document on every render call, one call per root block:
        // quadratic in an article's length.
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        // replaced by HeadingStart (MdcExtension), the same parser asked only about possible headings
        options.set(Parser.HEADING_PARSER, false);
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * @throws ParseLimitExceeded when the body nests too deep, has too many headings or components,
     *                            or takes longer than the budget
     */
    public MarkdownBody parse(String markdown) {
        return ParseContext.with(limits, () -> {
            try {
                return parseWithin(markdown);
            } catch (StackOverflowError e) {
                throw ParseContext.current().stackExhausted();
            }
        });
    }

    private MarkdownBody parseWithin(String markdown) {
        Document document = parser.parse(markdown);
        LineIndex lines = new LineIndex(markdown);
        HeadingIds ids = HeadingIds.assign(document, lines);
        List<BodyBlock> blocks = new ArrayList<>();
        ParseContext context = ParseContext.current();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            context.at(lines.lineOf(node.getStartOffset()) + 1);
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                Heading assigned = ids.headingOf(heading);
                blocks.add(new BodyBlock.HeadingBlock(assigned, render(node, ids.idsWithin(node))));
            } else if (node instanceof HtmlCommentBlock) {
                continue;
            } else if (node instanceof HtmlBlockBase) {
                addHtmlBlock(node, ids, blocks);
            } else if (!isEmptyParagraph(node)) {
                StringBuilder prose = new StringBuilder();
                StringBuilder code = new StringBuilder();
                NodeText.appendProse(node, prose, code);
                blocks.add(new BodyBlock.ContentBlock(
                        kindOf(node),
                        NodeText.of(node),
                        prose.toString(),
                        code.toString(),
                        render(node, ids.idsWithin(node))));
            }
        }
        return new MarkdownBody(ids.headings(), blocks);
    }

    /**
     * Raw HTML at the root becomes real elements in the help center (rehype-raw), so a raw
     * {@code <h2>} there is a root-level heading that starts a section like any other.
     */
    private static void addHtmlBlock(Node node, HeadingIds ids, List<BodyBlock> blocks) {
        Element body = Jsoup.parseBodyFragment(node.getChars().toString()).body();
        ids.applyTo(node, body);
        for (org.jsoup.nodes.Node child : body.childNodes()) {
            if (child instanceof Element element && element.is(HEADINGS)) {
                int depth = element.tagName().charAt(1) - '0';
                Heading heading = new Heading(depth, element.wholeText(), element.id());
                blocks.add(new BodyBlock.HeadingBlock(heading, HtmlSanitizer.clean(element.outerHtml())));
            } else if (child instanceof Element element) {
                blocks.add(new BodyBlock.ContentBlock(
                        BodyBlock.Kind.OTHER,
                        element.wholeText(),
                        element.text(),
                        "",
                        HtmlSanitizer.clean(element.outerHtml())));
            } else if (child instanceof TextNode text && !text.isBlank()) {
                blocks.add(new BodyBlock.ContentBlock(
                        BodyBlock.Kind.OTHER,
                        text.getWholeText(),
                        text.text(),
                        "",
                        HtmlSanitizer.clean(text.outerHtml())));
            }
        }
    }

    private String render(Node node, List<String> headingIds) {
        org.jsoup.nodes.Document html = HtmlSanitizer.parse(renderer.render(node));
        if (!headingIds.isEmpty()) {
            List<Element> headings = html.body().select(HEADINGS);
            for (int i = 0; i < headings.size() && i < headingIds.size(); i++) {
                headings.get(i).attr("id", headingIds.get(i));
            }
        }
        return HtmlSanitizer.clean(html);
    }

    private static BodyBlock.Kind kindOf(Node node) {
        if (node instanceof Paragraph) {
            return BodyBlock.Kind.PARAGRAPH;
        }
        return node instanceof ThematicBreak ? BodyBlock.Kind.THEMATIC_BREAK : BodyBlock.Kind.OTHER;
    }

    /** Nuxt drops paragraphs made only of whitespace text. */
    private static boolean isEmptyParagraph(Node node) {
        if (!(node instanceof Paragraph)) {
            return false;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof Text || child instanceof SoftLineBreak)
                    || !child.getChars().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Heading ids for one document: a pre-order walk over every heading (Markdown or raw HTML, at
     * any depth) with one slugger, then the GFM footnotes label when the page has footnotes.
     */
    private static final class HeadingIds {

        private final HeadingSlugger slugger = new HeadingSlugger();
        private final List<Heading> headings = new ArrayList<>();
        private final Map<Node, List<Heading>> byNode = new IdentityHashMap<>();
        private boolean hasFootnotes;
        private final LineIndex lines;

        private HeadingIds(LineIndex lines) {
            this.lines = lines;
        }

        static HeadingIds assign(Document document, LineIndex lines) {
            numberFootnotes(document, new int[] {0});
            HeadingIds ids = new HeadingIds(lines);
            ids.walk(document);
            if (ids.hasFootnotes) {
                ids.headings.add(new Heading(2, "Footnotes", "footnote-label"));
            }
            return ids;
        }

        /** GFM numbers footnotes by their first reference; a reference's text is that number. */
        private static void numberFootnotes(Node node, int[] last) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Footnote footnote
                        && footnote.getFootnoteBlock() != null
                        && footnote.getFootnoteBlock().getFootnoteOrdinal() == 0) {
                    footnote.getFootnoteBlock().setFootnoteOrdinal(++last[0]);
                }
                numberFootnotes(child, last);
            }
        }

        private void walk(Node node) {
            ParseContext context = ParseContext.current();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.check();
                if (child instanceof com.vladsch.flexmark.ast.Heading heading) {
                    context.heading(lines.lineOf(child.getStartOffset()) + 1);
                    String text = NodeText.of(heading);
                    record(child, new Heading(heading.getLevel(), text, slugger.slug(text)));
                } else if (child instanceof HtmlBlockBase && !(child instanceof HtmlCommentBlock)) {
                    Element body =
                            Jsoup.parseBodyFragment(child.getChars().toString()).body();
                    for (Element element : body.select(HEADINGS)) {
                        context.heading(lines.lineOf(child.getStartOffset()) + 1);
                        String explicit = element.id();
                        String text = element.wholeText();
                        String id = explicit.isEmpty() ? slugger.slug(text) : HeadingSlugger.cleanUp(explicit);
                        record(child, new Heading(element.tagName().charAt(1) - '0', text, id));
                    }
                } else if (child instanceof Footnote footnote && footnote.isDefined()) {
                    hasFootnotes = true;
                }
                walk(child);
            }
        }

        private void record(Node node, Heading heading) {
            headings.add(heading);
            byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(heading);
        }

        List<Heading> headings() {
            return headings;
        }

        Heading headingOf(com.vladsch.flexmark.ast.Heading node) {
            return byNode.get(node).get(0);
        }

        /** The ids of the headings inside a subtree, in document order. */
        List<String> idsWithin(Node root) {
            List<String> result = new ArrayList<>();
            collect(root, result);
            return result;
        }

        private void collect(Node node, List<String> into) {
            List<Heading> own = byNode.get(node);
            if (own != null) {
                own.forEach(h -> into.add(h.id()));
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                collect(child, into);
            }
        }

        /** Writes the ids of a raw HTML block's headings into its parsed elements. */
        void applyTo(Node htmlBlock, Element body) {
            List<Heading> own = byNode.getOrDefault(htmlBlock, List.of());
            List<Element> elements = body.select(HEADINGS);
            for (int i = 0; i < elements.size() && i < own.size(); i++) {
                elements.get(i).attr("id", own.get(i).id());
            }
        }
    }
}
