package dev.helpsearch.article.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The parse work one body has cost so far, shared by the parser's callbacks for the duration of one
 * {@link MarkdownParser#parse} on one thread. flexmark gives its extensions no per-document hook
 * that every callback can reach, hence the thread-local.
 */
final class ParseContext {

    private static final ThreadLocal<ParseContext> CURRENT = new ThreadLocal<>();

    private final ParseLimits limits;
    private final long deadline;
    private int headings;
    private int components;
    private int line = 1;
    private int ticks;
    /** The last inline {@code <} flexmark was asked to read as HTML, for {@link #stackExhausted}. */
    private BasedSequence inlineHtml;

    private int inlineHtmlIndex;
    /**
     * The open, unclosed block components by fence length, outermost first. Open blocks always
     * form one chain from the document down, so the last of a fence length is the innermost one.
     */
    private final Map<Integer, Deque<Object>> openComponents = new HashMap<>();

    private ParseContext(ParseLimits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.budget().toNanos();
    }

    static ParseContext current() {
        ParseContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("MDC parsing only runs inside MarkdownParser.parse");
        }
        return context;
    }

    /** Runs {@code work} with a fresh context on this thread. */
    static <T> T with(ParseLimits limits, java.util.function.Supplier<T> work) {
        ParseContext previous = CURRENT.get();
        CURRENT.set(new ParseContext(limits));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    ParseLimits limits() {
        return limits;
    }

    /** Notes where parsing is (1-based body line) and stops it once the budget is spent. */
    void at(int line) {
        this.line = line;
        check();
    }

    /** Stops parsing once the budget is spent; cheap enough to call for every node. */
    void check() {
        // nanoTime is not free; every 64th call is often enough for a budget measured in seconds
        if ((++ticks & 63) == 0 && System.nanoTime() - deadline > 0) {
            throw new ParseLimitExceeded(
                    line,
                    "took more than " + millis() + " ms to parse; simplify the article (limit " + millis() + " ms)");
        }
    }

    private long millis() {
        return limits.budget().toMillis();
    }

    void heading(int line) {
        at(line);
        if (++headings > limits.maxHeadings()) {
            throw new ParseLimitExceeded(
                    line,
                    "more than " + limits.maxHeadings() + " headings; split the article (limit " + limits.maxHeadings()
                            + ")");
        }
    }

    void component(int line) {
        at(line);
        component(() -> line);
    }

    /** An inline component; its line is only worked out when it is one too many. */
    void component(java.util.function.IntSupplier line) {
        check();
        if (++components > limits.maxComponents()) {
            throw new ParseLimitExceeded(
                    line.getAsInt(),
                    "more than " + limits.maxComponents() + " MDC components; split the article (limit "
                            + limits.maxComponents() + ")");
        }
    }

    void inlineHtmlAt(BasedSequence input, int index) {
        check();
        inlineHtml = input;
        inlineHtmlIndex = index;
    }

    /**
     * What to report when flexmark ran out of stack. Its inline HTML patterns recurse once per
     * attribute, so a tag with hundreds of them is the one construct left that can; the line is
     * that of the last one started.
     */
    ParseLimitExceeded stackExhausted() {
        int at = inlineHtml == null ? line : lineOf(inlineHtml, inlineHtmlIndex);
        return new ParseLimitExceeded(
                at,
                "an HTML tag too long for the parser (it ran out of stack); shorten the tag or remove some of its"
                        + " attributes");
    }

    /** The 1-based body line of a character of the body. */
    static int lineOf(BasedSequence chars, int index) {
        CharSequence body = chars.getBaseSequence();
        int offset = Math.min(chars.getStartOffset() + index, body.length());
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (body.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A block nested in {@code depth} containers starts at {@code line}. */
    void nesting(int depth, int line) {
        if (depth > limits.maxNesting()) {
            throw new ParseLimitExceeded(
                    line,
                    "blocks nested more than " + limits.maxNesting()
                            + " deep (block quotes, list items, components); close the components or flatten the lists (limit "
                            + limits.maxNesting() + ")");
        }
    }

    void opened(int fence, Object component) {
        openComponents.computeIfAbsent(fence, f -> new ArrayDeque<>()).addLast(component);
    }

    void closed(int fence, Object component) {
        Deque<Object> open = openComponents.get(fence);
        if (open != null) {
            open.removeLastOccurrence(component);
        }
    }

    /** True when {@code component} is the innermost open component of its fence length. */
    boolean innermost(int fence, Object component) {
        Deque<Object> open = openComponents.get(fence);
        return open != null && open.peekLast() == component;
    }
}
