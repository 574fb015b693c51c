package dev.helpsearch.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user typed, taken apart without ever treating it as query syntax: quoted phrases, the
 * free text around them, and whether the last word is still being typed. Control characters and
 * stray quotes are just separators; nothing here can fail.
 *
 * @param free        the text outside quotes
 * @param phrases     the quoted phrases, in order
 * @param lastWord    the final word when it may be unfinished (no trailing space, not in quotes), else ""
 */
public record QueryText(String free, List<String> phrases, String lastWord) {

    public QueryText {
        phrases = List.copyOf(phrases);
    }

    public static QueryText parse(String raw) {
        String text = cleaned(raw);
        List<String> phrases = new ArrayList<>();
        StringBuilder free = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = isQuote(c) ? nextQuote(text, i + 1) : -1;
            if (close > i + 1) {
                String phrase = text.substring(i + 1, close).strip();
                if (!phrase.isEmpty()) {
                    phrases.add(phrase);
                }
                free.append(' ');
                i = close + 1;
            } else {
                free.append(isQuote(c) ? ' ' : c);
                i++;
            }
        }
        // A query that ends in a letter or digit may be a word still being typed; one that ends in a
        // space, punctuation or a closing quote is complete. The last word is everything after the
        // last space, so an identifier being typed ("turn.multiclaw.io") stays whole.
        String lastWord = "";
        if (!text.isEmpty() && Character.isLetterOrDigit(text.charAt(text.length() - 1))) {
            int start = free.length();
            while (start > 0 && !Character.isWhitespace(free.charAt(start - 1))) {
                start--;
            }
            lastWord = free.substring(start);
        }
        return new QueryText(free.toString().strip(), phrases, lastWord);
    }

    /** The last word as a prefix to look for: lower-cased, without punctuation at its ends. */
    public String prefix() {
        int start = 0;
        int end = lastWord.length();
        while (start < end && !Character.isLetterOrDigit(lastWord.charAt(start))) {
            start++;
        }
        return lastWord.substring(start, end).toLowerCase(java.util.Locale.ROOT);
    }

    /** The query without the unfinished last word. */
    public String freeWithoutLastWord() {
        if (lastWord.isEmpty()) {
            return free;
        }
        return free.substring(0, free.length() - lastWord.length()).strip();
    }

    public boolean isEmpty() {
        return free.isBlank() && phrases.isEmpty();
    }

    private static String cleaned(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE;
            out.appendCodePoint(invisible ? ' ' : cp);
        });
        return out.toString();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
    }

    private static int nextQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isQuote(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
