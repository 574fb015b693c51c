package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Inline HTML comments the way the help center's parser reads them (micromark, CommonMark 0.31):
 * {@code <!-->}, {@code <!--->}, or everything from {@code <!--} to the first {@code -->}, across
 * lines. flexmark matches comments with a regular expression that recurses once per character, so
 * a comment of a few thousand characters, or a literal {@code <!--} in a long paragraph, exhausts
 * the stack; this scan is linear. Every other {@code <} is left to flexmark, noting where it was
 * for the error should one of its tags prove too long all the same.
 */
final class InlineHtml implements InlineParserExtension {

    private static final String OPEN = "<!--";
    private static final String CLOSE = "-->";

    InlineHtml(LightInlineParser parser) {}

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int index = parser.getIndex();
        ParseContext.current().inlineHtmlAt(input, index);
        if (!input.matchChars(OPEN, index)) {
            return false;
        }
        // the opener's own dashes may close it: "<!-->" and "<!--->" are whole comments
        int close = input.indexOf(CLOSE, index + 2);
        parser.flushTextNode();
        if (close < 0) {
            // no comment, and flexmark would still try its recursive pattern on all that follows
            parser.appendText(input, index, index + 1);
            parser.setIndex(index + 1);
            return true;
        }
        int end = close + CLOSE.length();
        parser.getBlock().appendChild(new HtmlInlineComment(input.subSequence(index, end)));
        parser.setIndex(end);
        return true;
    }

    @Override
    public void finalizeBlock(InlineParser parser) {}

    @Override
    public void finalizeDocument(InlineParser parser) {}
}
