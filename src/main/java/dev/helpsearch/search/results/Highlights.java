package dev.helpsearch.search.results;

import dev.helpsearch.index.Analysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A hit's title and heading with the query's words marked, by the rules of its snippet: the text
 * HTML-escaped, every word whose analysed form is a query term in {@code <mark>}. A word still
 * being typed marks only what was typed of the words it starts ("in" marks the "In" of "Invite"),
 * as a reader sees why the hit came up without being told it matched a word it never typed.
 */
public final class Highlights {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Titles and headings are short; a longer text is marked no further than this. */
    private static final int MAX_CHARS = 1000;

    private final Analyzer analyzer = Analysis.english();

    public String of(String text, Collection<String> terms, String prefix) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        boolean[] marked = new boolean[text.length()];
        int limit = Math.min(text.length(), MAX_CHARS);
        try (TokenStream stream = analyzer.tokenStream("", text.substring(0, limit))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (terms.contains(term.toString())) {
                    for (int i = offsets.startOffset(); i < offsets.endOffset() && i < limit; i++) {
                        marked[i] = true;
                    }
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String typed = prefix.toLowerCase(Locale.ROOT);
        if (typed.length() >= 2) {
            Matcher m = WORD.matcher(text.substring(0, limit));
            while (m.find()) {
                String word = m.group();
                // a word the query's complete words matched stays marked whole
                if (!marked[m.start()]
                        && word.length() >= typed.length()
                        && word.substring(0, typed.length())
                                .toLowerCase(Locale.ROOT)
                                .equals(typed)) {
                    for (int i = m.start(); i < m.start() + typed.length(); i++) {
                        marked[i] = true;
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            if (marked[i] != open) {
                out.append(open ? "</mark>" : "<mark>");
                open = marked[i];
            }
            Html.append(out, text.charAt(i));
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }
}
