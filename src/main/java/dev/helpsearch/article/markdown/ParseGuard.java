package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ext.footnotes.internal.FootnoteBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Starts no block: it runs before every block parser on every line where a block may start, to
 * stop nesting that is too deep before flexmark builds it (each open container is asked about
 * every later line, so depth multiplies the work of the whole rest of the article) and to stop
 * parsing once the article's time budget is spent.
 */
final class ParseGuard implements CustomBlockParserFactory {

    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return Set.of(
                MdcBlockParser.Factory.class,
                MdcSlotParser.Factory.class,
                BlockQuoteParser.Factory.class,
                HeadingParser.Factory.class,
                HeadingStart.class,
                FencedCodeBlockParser.Factory.class,
                HtmlBlockParser.Factory.class,
                ThematicBreakParser.Factory.class,
                ListBlockParser.Factory.class,
                IndentedCodeBlockParser.Factory.class,
                FootnoteBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        return new StartFactory(options);
    }

    /**
     * How many containers the block about to start sits in: block quotes, list items and block
     * components (a list and its item are one level). Counts no further than just past the limit,
     * so the check itself stays cheap however deep a hostile article nests.
     */
    static int depth(MatchedBlockParser matched) {
        BlockParser parser = matched.getBlockParser();
        Node container = parser.isParagraphParser() ? parser.getBlock().getParent() : parser.getBlock();
        int limit = ParseContext.current().limits().maxNesting();
        int depth = 0;
        for (Node node = container;
                node != null && !(node instanceof Document) && depth <= limit;
                node = node.getParent()) {
            if (!(node instanceof ListBlock)) {
                depth++;
            }
        }
        return depth;
    }

    private static final class StartFactory extends AbstractBlockParserFactory {

        StartFactory(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            ParseContext context = ParseContext.current();
            int line = state.getLineNumber() + 1;
            context.at(line);
            context.nesting(depth(matchedBlockParser) + (mayOpenContainer(state) ? 1 : 0), line);
            return BlockStart.none();
        }

        /**
         * Whether the line may open one more container here: a quote or list marker. The content
         * after the last marker often starts no block this guard would see, so the container that
         * crosses the limit is caught here rather than by what it holds.
         */
        private static boolean mayOpenContainer(ParserState state) {
            BasedSequence line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            if (at >= line.length()) {
                return false;
            }
            char c = line.charAt(at);
            return c == '>' || c == '-' || c == '+' || c == '*' || (c >= '0' && c <= '9');
        }
    }
}
