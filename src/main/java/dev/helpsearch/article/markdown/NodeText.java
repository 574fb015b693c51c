package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * The text of flexmark nodes, in two flavours. {@link #of} concatenates every text node with no
 * separator, as hast's {@code toString} does: the help center's anchors and section titles are
 * made from it. {@link #appendProse} is what a reader reads, for the index: blocks, list items and
 * table cells separated, fenced code kept apart.
 */
final class NodeText {

    private static final Pattern EMOJI_SHORTCODE = Pattern.compile(":\\+1:|:-1:|:[\\w-]+:");
    private static final Pattern CODE_FILENAME = Pattern.compile("\\[([^\\]\\s]+)]");

    private NodeText() {}

    /** The concatenated text of a node's subtree (hast-util-to-string after Nuxt's pipeline). */
    static String of(Node node) {
        StringBuilder out = new StringBuilder();
        appendInline(node, out, false);
        return out.toString();
    }

    /** Inline content, for prose: line breaks become spaces. */
    static String readable(Node node) {
        StringBuilder out = new StringBuilder();
        appendInline(node, out, true);
        return out.toString();
    }

    private static void appendInline(Node node, StringBuilder out, boolean readable) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            appendInlineNode(child, out, readable);
        }
    }

    private static void appendInlineNode(Node node, StringBuilder out, boolean readable) {
        if (node instanceof Text) {
            out.append(withEmoji(node.getChars().unescape()));
        } else if (node instanceof Code code) {
            out.append(codeSpanText(code));
        } else if (node instanceof AutoLink || node instanceof MailLink) {
            out.append(((DelimitedLinkNode) node).getText().unescape());
        } else if (node instanceof HtmlEntity) {
            out.append(node.getChars().unescape());
        } else if (node instanceof SoftLineBreak) {
            out.append(readable ? " " : "\n");
        } else if (node instanceof HardLineBreak) {
            out.append(readable ? " " : "\n");
        } else if (node instanceof Footnote footnote) {
            if (!readable && footnote.getFootnoteBlock() != null) {
                out.append(footnote.getFootnoteBlock().getFootnoteOrdinal());
            }
        } else if (node instanceof Image
                || node instanceof ImageRef
                || node instanceof HtmlInlineBase
                || node instanceof MdcMarkup) {
            // no text: alt text, raw tags and MDC attributes are not part of what the page says
        } else if (node instanceof HtmlBlockBase) {
            out.append(
                    Jsoup.parseBodyFragment(node.getChars().toString()).body().wholeText());
        } else if (node instanceof CodeBlock) {
            out.append(node.getChars().toString());
        } else {
            appendInline(node, out, readable);
        }
    }

    /** CommonMark code span content: line endings as spaces, one padding space stripped. */
    private static String codeSpanText(Code code) {
        String text = code.getText().toString().replace("\r\n", " ").replace('\n', ' ');
        if (text.length() >= 2 && text.startsWith(" ") && text.endsWith(" ") && !text.isBlank()) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** remark-emoji, which Nuxt Content enables: known {@code :shortcode:}s become emoji. */
    static String withEmoji(CharSequence text) {
        if (text.length() < 3 || text.toString().indexOf(':') < 0) {
            return text.toString();
        }
        Matcher m = EMOJI_SHORTCODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shortcode = m.group();
            String emoji = EmojiShortcodes.emoji(shortcode.substring(1, shortcode.length() - 1));
            m.appendReplacement(out, Matcher.quoteReplacement(emoji != null ? emoji : shortcode));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Appends a block's readable text to {@code prose} and its fenced or indented code to
     * {@code code}, each block on its own line so that words never run together.
     */
    static void appendProse(Node node, StringBuilder prose, StringBuilder code) {
        if (node instanceof FencedCodeBlock fenced) {
            // MDC code blocks name their file in the info string: ```ts [nuxt.config.ts]
            Matcher filename = CODE_FILENAME.matcher(fenced.getInfo());
            if (filename.find()) {
                appendLine(code, filename.group(1));
            }
            appendLine(code, fenced.getContentChars().toString());
        } else if (node instanceof IndentedCodeBlock indented) {
            appendLine(code, indented.getContentChars().toString());
        } else if (node instanceof HtmlBlockBase) {
            appendLine(
                    prose,
                    Jsoup.parseBodyFragment(node.getChars().toString()).body().text());
        } else if (node instanceof ThematicBreak || node instanceof MdcSlot || node instanceof TableSeparator) {
            // markup only
        } else if (node instanceof MdcBlock component) {
            if (component.label() != null) {
                appendLine(prose, component.label());
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                appendProse(child, prose, code);
            }
        } else if (hasBlockChildren(node)) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                appendProse(child, prose, code);
            }
        } else {
            appendLine(prose, readable(node));
        }
    }

    /** Containers (lists, quotes, tables, rows) are walked; leaves (paragraphs, cells) are read. */
    private static boolean hasBlockChildren(Node node) {
        if (node instanceof TableBlock
                || node instanceof TableHead
                || node instanceof TableBody
                || node instanceof TableRow) {
            return true;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Block) {
                return true;
            }
        }
        return false;
    }

    private static void appendLine(StringBuilder out, String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(trimmed);
    }
}
