package dev.helpsearch.article.markdown;

/**
 * Scanners for the pieces of MDC syntax (remark-mdc 3.x) that flexmark does not know: component
 * names, {@code [labels]} and {@code {attributes}}. Each returns the index just past what it
 * matched, or -1, and never throws: a piece that does not scan stays ordinary text, as it does in
 * the help center's own parser.
 */
final class MdcSyntax {

    /** remark-mdc gives up on labels longer than this. */
    private static final int MAX_LABEL = 1000;

    private static final int MAX_LABEL_NESTING = 3;

    private MdcSyntax() {}

    static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlphanumeric(char c) {
        return isAsciiAlpha(c) || (c >= '0' && c <= '9');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isLineEnding(char c) {
        return c == '\n' || c == '\r';
    }

    /** A component name: an ASCII letter, then letters, digits, '-' and '_', not ending in '_'. */
    static int name(CharSequence s, int start) {
        if (start >= s.length() || !isAsciiAlpha(s.charAt(start))) {
            return -1;
        }
        int i = start + 1;
        while (i < s.length() && (isAsciiAlphanumeric(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) {
            i++;
        }
        return s.charAt(i - 1) == '_' ? -1 : i;
    }

    /**
     * A {@code [label]} starting at {@code start}: brackets may nest three deep and be escaped.
     * Block component labels must stay on one line.
     */
    static int label(CharSequence s, int start, boolean singleLine) {
        if (start >= s.length() || s.charAt(start) != '[') {
            return -1;
        }
        int balance = 0;
        int i = start + 1;
        while (i < s.length() && i - start <= MAX_LABEL) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "[]\\".indexOf(s.charAt(i + 1)) >= 0) {
                i += 2;
                continue;
            }
            if (isLineEnding(c) && singleLine) {
                return -1;
            }
            if (c == '[' && ++balance > MAX_LABEL_NESTING) {
                return -1;
            }
            if (c == ']' && balance-- == 0) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /**
     * An attribute list {@code {#id .class name=value name="quoted" :bound='json'}}. Anything else
     * inside the braces makes the whole list plain text.
     */
    static int attributes(CharSequence s, int start, boolean singleLine) {
        if (start >= s.length() || s.charAt(start) != '{') {
            return -1;
        }
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (isSpace(c) || (!singleLine && isLineEnding(c))) {
                i++;
            } else if (c == '#' || c == '.') {
                i = shortcut(s, i + 1);
            } else if (c == ':' || c == '_' || isAsciiAlpha(c)) {
                i = attribute(s, i, singleLine);
            } else {
                return -1;
            }
            if (i < 0) {
                return -1;
            }
        }
        return -1;
    }

    private static int shortcut(CharSequence s, int start) {
        if (start >= s.length()
                || "\"#'.<=>`}".indexOf(s.charAt(start)) >= 0
                || Character.isWhitespace(s.charAt(start))) {
            return -1;
        }
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '.' || c == '}' || Character.isWhitespace(c)) {
                return i;
            }
            if ("\"'<=>`".indexOf(c) >= 0) {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static int attribute(CharSequence s, int start, boolean singleLine) {
        boolean bound = s.charAt(start) == ':';
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean nameChar = isAsciiAlphanumeric(c) || c == '-' || (!bound && (c == '.' || c == ':' || c == '_'));
            if (!nameChar) {
                break;
            }
            i++;
        }
        int afterName = skipWhitespace(s, i, singleLine);
        if (afterName >= s.length() || s.charAt(afterName) != '=') {
            return bound ? -1 : i;
        }
        int value = skipWhitespace(s, afterName + 1, singleLine);
        if (value >= s.length() || "<=>`}".indexOf(s.charAt(value)) >= 0) {
            return -1;
        }
        char quote = s.charAt(value);
        if (quote == '"' || quote == '\'') {
            int j = value + 1;
            while (j < s.length() && s.charAt(j) != quote) {
                if (singleLine && isLineEnding(s.charAt(j))) {
                    return -1;
                }
                j += bound && s.charAt(j) == '\\' ? 2 : 1;
            }
            if (j >= s.length()) {
                return -1;
            }
            int after = j + 1;
            if (after < s.length() && s.charAt(after) != '}' && !Character.isWhitespace(s.charAt(after))) {
                return -1;
            }
            return after;
        }
        int j = value;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '}' || Character.isWhitespace(c)) {
                return j;
            }
            if ("\"'<=>`".indexOf(c) >= 0) {
                return -1;
            }
            j++;
        }
        return -1;
    }

    private static int skipWhitespace(CharSequence s, int i, boolean singleLine) {
        while (i < s.length() && (isSpace(s.charAt(i)) || (!singleLine && isLineEnding(s.charAt(i))))) {
            i++;
        }
        return i;
    }

    /** A {@code {{ binding }}} expression; its value comes from page data and is not article text. */
    static int binding(CharSequence s, int start) {
        if (start + 1 >= s.length() || s.charAt(start) != '{' || s.charAt(start + 1) != '{') {
            return -1;
        }
        for (int i = start + 2; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '}' && s.charAt(i + 1) == '}') {
                return i + 2;
            }
        }
        return -1;
    }

    /**
     * The opening line of a block component, {@code ::name[label]{attrs}}, scanned from the first
     * colon. Returns null when the line is not one.
     */
    static BlockOpening blockOpening(CharSequence line) {
        int colons = 0;
        while (colons < line.length() && line.charAt(colons) == ':') {
            colons++;
        }
        if (colons < 2) {
            return null;
        }
        int nameEnd = name(line, colons);
        if (nameEnd < 0) {
            return null;
        }
        int i = nameEnd;
        String label = null;
        int labelEnd = label(line, i, true);
        if (labelEnd > 0) {
            label = line.subSequence(i + 1, labelEnd - 1).toString();
            i = labelEnd;
        }
        String attributes = "";
        int attributesEnd = attributes(line, i, true);
        if (attributesEnd > 0) {
            attributes = line.subSequence(i, attributesEnd).toString();
            i = attributesEnd;
        }
        while (i < line.length() && (isSpace(line.charAt(i)) || isLineEnding(line.charAt(i)))) {
            i++;
        }
        if (i != line.length()) {
            return null;
        }
        return new BlockOpening(colons, line.subSequence(colons, nameEnd).toString(), label, attributes);
    }

    /** The number of colons when the whole line is a closing fence ({@code ::}), else 0. */
    static int closingFence(CharSequence line) {
        int colons = 0;
        while (colons < line.length() && line.charAt(colons) == ':') {
            colons++;
        }
        for (int i = colons; i < line.length(); i++) {
            if (!isSpace(line.charAt(i)) && !isLineEnding(line.charAt(i))) {
                return 0;
            }
        }
        return colons >= 2 ? colons : 0;
    }

    record BlockOpening(int fenceLength, String name, String label, String attributes) {}
}
