package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark's heading parser, asked only about lines that can be a heading. For every other line
 * that may start a block it would copy the whole paragraph so far to check for a setext underline,
 * which made a paragraph of thousands of lines (link reference definitions, footnotes) quadratic.
 * Lines starting with '#' (ATX) or '=' / '-' (setext underline) still go to it, so headings are
 * exactly what they were.
 */
final class HeadingStart implements CustomBlockParserFactory {

    private final HeadingParser.Factory headings = new HeadingParser.Factory();

    @Override
    public Set<Class<?>> getAfterDependents() {
        return headings.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return headings.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
        return headings.affectsGlobalScope();
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory factory = headings.apply(options);
        return (state, matched) -> mayBeHeading(state) ? factory.tryStart(state, matched) : BlockStart.none();
    }

    private static boolean mayBeHeading(ParserState state) {
        BasedSequence line = state.getLine();
        int at = state.getNextNonSpaceIndex();
        if (at >= line.length()) {
            return false;
        }
        char c = line.charAt(at);
        return c == '#' || c == '=' || c == '-';
    }
}
