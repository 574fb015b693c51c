package dev.helpsearch.text;

import java.util.regex.Pattern;

/**
 * The one rule for what names something rather than says something: file names, config keys,
 * ports, flags, versions, camelCase functions. The query builder searches such words as written as
 * well as by their parts, and a short query holding one is looked up more than it is described.
 */
public final class Identifiers {

    /** What a sentence ends a word with ("see openclaw.json."): never part of the name. */
    public static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,:;!?]+$");

    private static final String SYMBOLS = "_.\\-~:%$@#+/";
    private static final Pattern NAME = Pattern.compile(
            // 18789, :18789, ~/.config, -i, @nuxt
            "\\p{N}{3,}|[" + SYMBOLS + "]+[\\p{L}\\p{N}].*"
                    // openclaw.json, data_dir, nuxt-link, base/url
                    + "|.*[\\p{L}\\p{N}][" + SYMBOLS + "]+[\\p{L}\\p{N}].*"
                    // v3, h264, 2fa
                    + "|.*\\p{L}.*\\p{N}.*|.*\\p{N}.*\\p{L}.*"
                    // useFetch, definePageMeta
                    + "|.*\\p{Ll}\\p{Lu}.*");

    private Identifiers() {}

    /** Whether one word (no spaces) is a name, a question's closing punctuation aside. */
    public static boolean isIdentifier(String word) {
        return NAME.matcher(TRAILING_PUNCTUATION.matcher(word).replaceFirst("")).matches();
    }
}
