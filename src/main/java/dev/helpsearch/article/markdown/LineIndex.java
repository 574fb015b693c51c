package dev.helpsearch.article.markdown;

import java.util.Arrays;

/**
 * The line of any offset of one text, in logarithmic time. flexmark's own
 * {@code Node.getStartLineNumber} counts the line breaks from the start of the document on every
 * call, which made asking it for each block quadratic in the article's size.
 */
final class LineIndex {

    /** Offsets of the characters that start a line after the first; sorted. */
    private final int[] lineStarts;

    LineIndex(CharSequence text) {
        int[] starts = new int[16];
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The 0-based line of {@code offset}, as flexmark numbers lines. */
    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
