package dev.helpsearch.http;

import java.util.List;
import java.util.Random;

/**
 * A seeded generator of hostile query strings: query syntax, unbalanced quotes and brackets,
 * wildcards, floods of terms, huge strings, control characters, bidi text, combining marks and
 * emoji, alone and mixed with the help center's own words. The same seed gives the same queries.
 */
final class HostileQueries {

    private static final List<String> WORDS = List.of(
            "port",
            "gateway",
            "token",
            "login",
            "black",
            "screen",
            "desktop",
            "openclaw",
            "18789",
            "lsof",
            "error",
            "cloud",
            "connect",
            "install",
            "permission",
            "viewer",
            "update",
            "the",
            "a");
    private static final List<String> SYNTAX = List.of(
            "AND",
            "OR",
            "NOT",
            "&&",
            "||",
            "!",
            "+",
            "-",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "\"",
            "'",
            "~",
            "~2",
            "^",
            "^10",
            ":",
            "title:",
            "*",
            "?",
            "\\",
            "/",
            "/.*/",
            "[0 TO 9]",
            "{a TO z}",
            "*:*",
            "_exists_:",
            "%",
            "%%",
            "%zz",
            "%00",
            "%u0000",
            "&",
            "=",
            "#",
            ";",
            "<script>",
            "</",
            "{{",
            "}}",
            "::",
            "`",
            "```",
            "\u201C",
            "\u201D");
    private static final List<String> UNICODE = List.of(
            "\u0000",
            "\u0007",
            "\u001b[31m",
            "\t",
            "\n",
            "\r\n",
            "\u007f",
            "\u0085",
            "\u200b",
            "\u200d",
            "\u200e",
            "\u200f",
            "\u202a",
            "\u202e",
            "\u2066",
            "\u2069",
            "\ufeff",
            "\ufffd",
            "\uffff",
            "\ud83d",
            "\udc00",
            "e\u0301",
            "\u0301\u0301\u0301\u0301\u0301",
            "Z\u0351\u0352\u0357\u035b\u0300\u0310",
            "שלום",
            "مرحبا",
            "日本語",
            "한국어",
            "Ελληνικά",
            "Ｐｏｒｔ",
            "ﬁ",
            "İ",
            "ß",
            "👍",
            "🔥",
            "👨‍👩‍👧",
            "🏳️‍🌈",
            "🇺🇸",
            "\uD83E\uDD26\uD83C\uDFFD\u200D\u2642\uFE0F",
            "\u0600",
            "\u061c",
            "𝕡𝕠𝕣𝕥");

    private final Random random;

    HostileQueries(long seed) {
        this.random = new Random(seed);
    }

    /** The next query; now and then one far beyond the length limit, never empty. */
    String next() {
        return next(random.nextInt(KINDS));
    }

    static final int KINDS = 12;

    /** A query of one kind (0 to {@link #KINDS} - 1). */
    String next(int kind) {
        String query = switch (kind) {
            case 0 -> randomCodePoints(1 + random.nextInt(64));
            case 1 -> mixed(1 + random.nextInt(12));
            case 2 -> mixed(200 + random.nextInt(2000));
            case 3 -> pick(WORDS).repeat(1 + random.nextInt(400));
            case 4 -> terms(500 + random.nextInt(3000));
            case 5 -> wildcards();
            case 6 -> huge();
            case 7 -> unbalanced();
            case 8 -> repeatedSyntax();
            case 9 -> pick(UNICODE).repeat(1 + random.nextInt(2000));
            case 10 -> fuzzyAndBoosts();
            default -> mixed(2 + random.nextInt(30));
        };
        return query.isEmpty() ? "x" : query;
    }

    /** Raw bytes for the query part of a request line: invalid escapes, bare bytes, overlong UTF-8. */
    String nextRawQueryString() {
        String[] raw = {
            "%",
            "%%",
            "%zz",
            "%g0",
            "%0",
            "%C0%AF",
            "%E0%80%AF",
            "%ED%A0%80",
            "%FF%FE",
            "%C3",
            "%F0%9F%98",
            "%00",
            "%0d%0a",
            "%u202e",
            "%%32%35",
            "%2525",
            "port%",
            "%E2%82",
            "\u00e9",
            "%c0%80"
        };
        StringBuilder q = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            q.append(random.nextBoolean() ? pick(WORDS) : raw[random.nextInt(raw.length)]);
            if (random.nextBoolean()) {
                q.append('+');
            }
        }
        return q.toString();
    }

    private String mixed(int parts) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(4);
            q.append(kind == 0 ? pick(SYNTAX) : kind == 1 ? pick(UNICODE) : pick(WORDS));
            if (random.nextInt(3) > 0) {
                q.append(' ');
            }
        }
        return q.toString();
    }

    private String terms(int count) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < count; i++) {
            q.append(random.nextInt(4) == 0 ? randomWord() : pick(WORDS)).append(' ');
        }
        return q.toString();
    }

    private String wildcards() {
        StringBuilder q = new StringBuilder();
        int count = 1 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            String word = random.nextBoolean() ? pick(WORDS) : randomWord();
            int cut = random.nextInt(word.length() + 1);
            q.append(
                            switch (random.nextInt(5)) {
                                case 0 -> "*" + word;
                                case 1 -> word.substring(0, cut) + "*";
                                case 2 -> "?" + word.substring(cut) + "?";
                                case 3 -> word.substring(0, cut) + "*" + word.substring(cut) + "*";
                                default -> "*";
                            })
                    .append(' ');
        }
        return q.append(random.nextBoolean() ? "" : "a").toString();
    }

    private String huge() {
        int size = 100 * 1024;
        return switch (random.nextInt(3)) {
            case 0 -> "a".repeat(size);
            case 1 -> terms(size / 6);
            default -> randomCodePoints(size / 2);
        };
    }

    private String unbalanced() {
        String open = pick(List.of("(", "[", "{", "\"", "\u201C", "'", "((((", "[[[["));
        return open.repeat(1 + random.nextInt(300)) + mixed(1 + random.nextInt(6));
    }

    private String repeatedSyntax() {
        return pick(SYNTAX).repeat(1 + random.nextInt(1500));
    }

    private String fuzzyAndBoosts() {
        StringBuilder q = new StringBuilder();
        int count = 1 + random.nextInt(30);
        for (int i = 0; i < count; i++) {
            q.append(random.nextBoolean() ? pick(WORDS) : randomWord())
                    .append(pick(List.of("~", "~1", "~2", "~0.5", "^2", "^-1", "^1e308", "~99999999999", "")))
                    .append(' ');
        }
        return q.toString();
    }

    private String randomWord() {
        int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 14);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** Any code points, surrogate halves and unassigned ones included. */
    private String randomCodePoints(int count) {
        StringBuilder s = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int range = random.nextInt(4);
            int cp = range == 0
                    ? random.nextInt(0x80)
                    : range == 1
                            ? random.nextInt(0x800)
                            : range == 2 ? random.nextInt(0x10000) : random.nextInt(0x110000);
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
