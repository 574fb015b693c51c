package dev.helpsearch.search.query;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.IndexSnapshot;
import dev.helpsearch.search.core.Ranking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Corrects the words of a query that the help center never uses to the closest words it does use,
 * with the edit budget of {@link Ranking#typoEdits(int)}. Words the index knows are left alone, so
 * correction costs nothing for well-spelled queries; so are words of the synonym rules ("black" in
 * "black screen"), which are the help center's words too.
 */
public final class Typos {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}]*");
    /**
     * Longer words are left as typed: no help-center word is that long, and the edit-distance
     * automaton (built per word) grows with the word, so a pasted 4,000-letter "word" would cost
     * seconds.
     */
    static final int MAX_WORD_CHARS = 24;
    /** At most this many words of one query are looked up; the rest of a pasted ticket stays as typed. */
    static final int MAX_LOOKUPS = 8;

    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(edits);
        // people rarely get the first letter wrong, and anchoring it keeps the lookup cheap
        checker.setMinPrefix(1);
        checker.setMinQueryLength(3);
        checker.setMaxQueryLength(MAX_WORD_CHARS);
        checker.setAccuracy(0.5f);
        return checker;
    }

    /** The text with unknown words corrected, or null when no word needed (or had) a correction. */
    public String correct(IndexSnapshot snapshot, String text, Ranking ranking) {
        IndexReader reader = snapshot.getIndexReader();
        StringBuilder corrected = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int last = 0;
        boolean changed = false;
        int lookups = 0;
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            boolean candidate =
                    word.length() <= MAX_WORD_CHARS && lookups < MAX_LOOKUPS && !snapshot.isSynonymWord(lower);
            lookups += candidate ? 1 : 0;
            String replacement = candidate ? snapshot.correction(lower, w -> correction(reader, w, ranking)) : null;
            corrected.append(text, last, m.start()).append(replacement == null ? word : replacement);
            changed |= replacement != null;
            last = m.end();
        }
        if (!changed) {
            return null;
        }
        return corrected.append(text.substring(last)).toString();
    }

    private String correction(IndexReader reader, String word, Ranking ranking) {
        try {
            return lookUp(reader, word, ranking);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String lookUp(IndexReader reader, String word, Ranking ranking) throws IOException {
        int edits = ranking.typoEdits(word.length());
        if (edits == 0) {
            return null;
        }
        Term term = new Term(IndexFields.SPELL_TEXT, word);
        if (reader.docFreq(term) > 0) {
            return null;
        }
        DirectSpellChecker checker = edits == 1 ? oneEdit : twoEdits;
        SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length == 0 ? null : suggestions[0].string;
    }
}
