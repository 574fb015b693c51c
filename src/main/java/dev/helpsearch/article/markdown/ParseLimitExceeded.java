package dev.helpsearch.article.markdown;

/**
 * An article body that would cost more parse work than {@link ParseLimits} allow. Unchecked
 * because it is thrown from inside flexmark's parser callbacks, which declare no exceptions.
 */
public final class ParseLimitExceeded extends RuntimeException {

    private final int line;

    ParseLimitExceeded(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The 1-based line of the body where the limit was crossed. */
    public int line() {
        return line;
    }
}
