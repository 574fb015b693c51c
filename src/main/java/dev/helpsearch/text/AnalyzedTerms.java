package dev.helpsearch.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words an analyzer makes of a text, in order, repeats included. For every caller that needs
 * only the words, not their positions or offsets: the search core and the insights, which may not
 * know each other, read them through this one loop.
 */
public final class AnalyzedTerms {

    private AnalyzedTerms() {}

    public static List<String> of(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        if (text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return terms;
    }
}
