package dev.helpsearch.search.build;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.search.query.WeakWords;
import dev.helpsearch.text.AnalyzedTerms;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * How much of what the user wrote the help center knows at all. Words no article uses are left
 * out of the lexical query, so "kubernetes helm chart" is searched as "chart" and matches fully;
 * the share of the typed content words that became searched word groups tells that apart from a
 * question whose words the articles use.
 */
public final class KnownWords {

    private static final Analyzer WORDS = Analysis.englishQuery();

    private KnownWords() {}

    /**
     * @param typed  the query text the word groups were built from
     * @param groups how many word groups were searched
     * @return the share of typed content words that were searched, 1 when none was typed
     */
    public static double share(String typed, int groups) {
        Set<String> words = new LinkedHashSet<>(AnalyzedTerms.of(WORDS, typed));
        words.removeIf(WeakWords::contains);
        int counted = Math.min(words.size(), QueryBuilder.MAX_SEARCHED_GROUPS);
        return counted == 0 ? 1 : Math.min(1, (double) groups / counted);
    }
}
