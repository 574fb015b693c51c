package dev.helpsearch.search;

import dev.helpsearch.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": when a query matches poorly, each word the help center never uses is replaced
 * by the closest word it does use, and the corrected query is offered only if it finds more.
 */
final class Spelling {

    /** A query with fewer hits than this is worth a second look. */
    private static final int FEW_HITS = 3;
    private static final int MIN_WORD_LENGTH = 4;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'\u2019]*");

    private final DirectSpellChecker checker = newChecker();

    private static DirectSpellChecker newChecker() {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(2);
        checker.setMinQueryLength(MIN_WORD_LENGTH);
        checker.setAccuracy(0.6f);
        return checker;
    }

    boolean shouldSuggest(TopDocs top) {
        return top.totalHits.value() < FEW_HITS;
    }

    /** The corrected query, or null when no word needs correcting or the correction finds no more. */
    String suggest(IndexSearcher searcher, String query, QueryBuilder queries, String category) {
        try {
            StringBuilder corrected = new StringBuilder();
            Matcher m = WORD.matcher(query);
            int last = 0;
            boolean changed = false;
            while (m.find()) {
                String word = m.group();
                String replacement = correction(searcher, word);
                corrected.append(query, last, m.start()).append(replacement == null ? word : replacement);
                changed |= replacement != null;
                last = m.end();
            }
            corrected.append(query.substring(last));
            if (!changed) {
                return null;
            }
            String candidate = corrected.toString();
            QueryBuilder.Built before = queries.build(QueryText.parse(query), category);
            QueryBuilder.Built after = queries.build(QueryText.parse(candidate), category);
            return searcher.count(after.query()) > searcher.count(before.query()) ? candidate : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String correction(IndexSearcher searcher, String word) throws IOException {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() < MIN_WORD_LENGTH) {
            return null;
        }
        SuggestWord[] suggestions = checker.suggestSimilar(new Term(IndexFields.SPELL_TEXT, lower), 1,
                searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length == 0 ? null : suggestions[0].string;
    }
}
