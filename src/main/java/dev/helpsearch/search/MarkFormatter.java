package dev.helpsearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats a snippet for the API: matches in {@code <mark>}, overlapping matches merged, everything
 * else HTML-escaped, line breaks and runs of spaces folded into single spaces, and an ellipsis
 * where the passage starts or ends inside the text.
 */
final class MarkFormatter extends PassageFormatter {

    static final String ELLIPSIS = "\u2026";

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        for (Passage passage : passages) {
            if (!out.isEmpty()) {
                out.append(' ').append(ELLIPSIS).append(' ');
            } else if (passage.getStartOffset() > 0) {
                out.append(ELLIPSIS);
            }
            int position = passage.getStartOffset();
            int[] starts = passage.getMatchStarts();
            int[] ends = passage.getMatchEnds();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = Math.max(starts[i], position);
                int end = ends[i];
                while (i + 1 < passage.getNumMatches() && starts[i + 1] <= end) {
                    end = Math.max(end, ends[++i]);
                }
                if (end <= start) {
                    continue;
                }
                append(out, content, position, start);
                out.append("<mark>");
                append(out, content, start, end);
                out.append("</mark>");
                position = end;
            }
            append(out, content, position, passage.getEndOffset());
            if (passage.getEndOffset() < content.length()) {
                out.append(ELLIPSIS);
            }
        }
        return out.toString().strip();
    }

    private static void append(StringBuilder out, String content, int start, int end) {
        String text = content.substring(start, Math.min(end, content.length())).replaceAll("\\s+", " ");
        out.append(Html.escape(text));
    }
}
