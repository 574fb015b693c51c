package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Parses block components as remark-mdc does: a line {@code ::name} opens a container of
 * Markdown blocks that a line of exactly as many colons closes. A same-sized fence closes the
 * innermost open component of that size; a fence inside fenced code closes nothing; an unclosed
 * component runs to the end of its parent. A {@code ---} block right after the opening line holds
 * the component's YAML props.
 */
final class MdcBlockParser extends AbstractBlockParser {

    private enum Props {
        MAYBE,
        INSIDE,
        DONE
    }

    private final MdcBlock block;
    private final ParseContext context;
    private final StringBuilder props = new StringBuilder();
    private Props propsState = Props.MAYBE;
    private boolean closed;

    private MdcBlockParser(MdcBlock block, ParseContext context) {
        this.block = block;
        this.context = context;
        context.opened(block.fenceLength(), this);
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public boolean isContainer() {
        return true;
    }

    @Override
    public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
        return true;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (closed) {
            return BlockContinue.none();
        }
        context.check();
        BasedSequence line = state.getLine();
        BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex(), line.length());
        if (propsState != Props.DONE) {
            boolean fence = rest.toString().trim().equals("---");
            if (propsState == Props.MAYBE) {
                propsState = fence ? Props.INSIDE : Props.DONE;
                if (fence) {
                    return BlockContinue.atIndex(state.getLineEndIndex());
                }
            } else {
                if (fence) {
                    propsState = Props.DONE;
                    block.setProps(props.toString());
                } else {
                    props.append(line).append('\n');
                }
                return BlockContinue.atIndex(state.getLineEndIndex());
            }
        }
        if (state.getIndent() < 4 && !insideFencedCode(state)) {
            int fence = MdcSyntax.closingFence(rest);
            // a fence closes the innermost open component of its size, never an outer one
            if (fence == block.fenceLength() && context.innermost(fence, this)) {
                closed = true;
                context.closed(fence, this);
                return BlockContinue.atIndex(state.getLineEndIndex());
            }
        }
        return BlockContinue.atIndex(state.getIndex());
    }

    /**
     * Lines inside a fenced code block of this component belong to the code. Fenced code is a leaf,
     * so when it is open it is the innermost block: one look, however deep the nesting.
     */
    private boolean insideFencedCode(ParserState state) {
        BlockParser innermost = state.getActiveBlockParser();
        return innermost != this && innermost.getBlock() instanceof FencedCodeBlock;
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {}

    @Override
    public void closeBlock(ParserState state) {
        context.closed(block.fenceLength(), this);
        if (propsState == Props.INSIDE) {
            block.setProps(props.toString());
        }
        block.setCharsFromContent();
    }

    static final class Factory implements CustomBlockParserFactory {

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(
                    FencedCodeBlockParser.Factory.class,
                    HtmlBlockParser.Factory.class,
                    ThematicBreakParser.Factory.class,
                    ListBlockParser.Factory.class,
                    IndentedCodeBlockParser.Factory.class);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new StartFactory(options);
        }
    }

    private static final class StartFactory extends AbstractBlockParserFactory {

        StartFactory(DataHolder options) {
            super(options);
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex(), line.length());
            MdcSyntax.BlockOpening opening = MdcSyntax.blockOpening(rest);
            if (opening == null) {
                return BlockStart.none();
            }
            ParseContext context = ParseContext.current();
            int lineNumber = state.getLineNumber() + 1;
            context.component(lineNumber);
            context.nesting(ParseGuard.depth(matchedBlockParser) + 1, lineNumber);
            MdcBlock block = new MdcBlock(rest.trimEOL(), opening);
            return BlockStart.of(new MdcBlockParser(block, context)).atIndex(state.getLineEndIndex());
        }
    }
}
