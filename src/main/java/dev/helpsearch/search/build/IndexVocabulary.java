package dev.helpsearch.search.build;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.Ranking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * What one index knows of the query's words, asked of its term dictionaries: whether a word group
 * occurs at all (only known groups are required), how rare it is (which groups of a long text are
 * kept), whether the word being typed is a word or the start of some. The builder decides the
 * query's shape; these answer its questions of the index.
 */
final class IndexVocabulary {

    private final IndexReader reader;
    private final Ranking ranking;

    IndexVocabulary(IndexReader reader, Ranking ranking) {
        this.reader = reader;
        this.ranking = ranking;
    }

    /** Whether some document holds any of the terms. */
    boolean isKnown(List<String> terms) {
        try {
            for (String term : terms) {
                if (reader.docFreq(new Term(IndexFields.ALL_TEXT, term)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many documents hold the commonest of the terms. */
    long docFrequency(List<String> terms) {
        try {
            long max = 0;
            for (String term : terms) {
                max = Math.max(max, reader.docFreq(new Term(IndexFields.ALL_TEXT, term)));
            }
            return max;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code word} is a whole word of the index's spelling vocabulary. */
    boolean isVocabularyWord(String word) {
        try {
            return reader.docFreq(new Term(IndexFields.SPELL_TEXT, word)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether some word of the index's headings, titles or text starts with {@code prefix}. */
    boolean hasPrefix(String prefix) {
        BytesRef target = new BytesRef(prefix);
        try {
            for (Ranking.FieldWeight field : ranking.prefixFields()) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    Terms indexed = leaf.reader().terms(field.field());
                    if (indexed == null) {
                        continue;
                    }
                    TermsEnum terms = indexed.iterator();
                    if (terms.seekCeil(target) != TermsEnum.SeekStatus.END
                            && StringHelper.startsWith(terms.term(), target)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * At most {@code max} groups, in query order: the rarest known words first, then common ones,
     * weak and unknown ones last; with {@code keepLast}, the word being typed is always kept.
     */
    List<WordGroup> mostInformative(List<WordGroup> groups, int max, boolean keepLast) {
        if (groups.size() <= max) {
            return groups;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            order.add(i);
        }
        long[] rank = new long[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            WordGroup group = groups.get(i);
            long frequency = docFrequency(group.terms());
            rank[i] = frequency == 0 ? Long.MAX_VALUE : group.weak() ? Long.MAX_VALUE / 2 + frequency : frequency;
        }
        if (keepLast) {
            rank[groups.size() - 1] = -1;
        }
        order.sort((a, b) -> Long.compare(rank[a], rank[b]));
        List<Integer> kept = new ArrayList<>(order.subList(0, max));
        kept.sort(Integer::compare);
        return kept.stream().map(groups::get).toList();
    }
}
