package dev.helpsearch.insights;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A query as insights count it: "Port  in USE " and "port in use" are one query. Kept short so that
 * no row can grow the database by more than a bounded amount whatever is typed.
 */
public final class QueryNormalizer {

    /** Longer queries are pasted logs, not phrasing; their start is what an editor needs to see. */
    public static final int MAX_LENGTH = 200;

    private QueryNormalizer() {}

    public static String normalize(String query) {
        String text = Normalizer.normalize(query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (out.length() + Character.charCount(c) > MAX_LENGTH) {
                break;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }
}
