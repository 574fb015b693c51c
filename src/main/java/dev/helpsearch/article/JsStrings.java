package dev.helpsearch.article;

/**
 * The few JavaScript string semantics the help center's own parser relies on. Java's
 * {@link String#trim()} and {@link String#strip()} disagree with JavaScript on U+00A0 and
 * U+FEFF, and anchors and paths must come out byte for byte as Nuxt makes them.
 */
public final class JsStrings {

    private JsStrings() {}

    /** JavaScript's {@code \s}: Unicode White_Space plus U+FEFF. */
    public static boolean isWhitespace(char c) {
        return switch (c) {
            case '\t',
                    '\n',
                    '\u000B',
                    '\f',
                    '\r',
                    ' ',
                    '\u00A0',
                    '\u1680',
                    '\u2028',
                    '\u2029',
                    '\u202F',
                    '\u205F',
                    '\u3000',
                    '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** JavaScript's {@code String.prototype.trim()}. */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
