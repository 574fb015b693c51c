package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * Parses a slot line, {@code #title}, directly inside a block component. Outside components such
 * a line is an ordinary paragraph, as in remark-mdc.
 */
final class MdcSlotParser extends AbstractBlockParser {

    private final MdcSlot block;

    private MdcSlotParser(MdcSlot block) {
        this.block = block;
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        return BlockContinue.none();
    }

    @Override
    public void closeBlock(ParserState state) {}

    static final class Factory implements CustomBlockParserFactory {

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(HeadingParser.Factory.class, HeadingStart.class);
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
            if (state.getIndent() >= 4 || !directlyInComponent(matchedBlockParser)) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex(), line.length())
                    .trimEOL();
            if (rest.length() < 2 || rest.charAt(0) != '#' || !MdcSyntax.isAsciiAlpha(rest.charAt(1))) {
                return BlockStart.none();
            }
            int nameEnd = 1;
            while (nameEnd < rest.length()
                    && !Character.isWhitespace(rest.charAt(nameEnd))
                    && rest.charAt(nameEnd) != '{') {
                nameEnd++;
            }
            MdcSlot slot = new MdcSlot(rest, rest.subSequence(1, nameEnd).toString());
            return BlockStart.of(new MdcSlotParser(slot)).atIndex(state.getLineEndIndex());
        }

        private static boolean directlyInComponent(MatchedBlockParser matched) {
            Node container = matched.getBlockParser().isParagraphParser()
                    ? matched.getBlockParser().getBlock().getParent()
                    : matched.getBlockParser().getBlock();
            return container instanceof MdcBlock;
        }
    }
}
