package dev.helpsearch.text;

import java.util.regex.Pattern;

/**
 * The one count of a query's words: what a user typed between spaces. How long a query is decides
 * whether it was typed or pasted, and how much the fusion trusts each side.
 */
public final class Words {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Words() {}

    public static int count(String text) {
        return of(text).length;
    }

    /** The words of {@code text} as typed, in order. */
    public static String[] of(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? new String[0] : SPACES.split(stripped);
    }
}
