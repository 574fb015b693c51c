package dev.helpsearch.search.rank;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.IndexSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * What the second stage and the fusion features both need to know of a hit of one query: how many
 * of its word groups the hit contains, its level and its page. The fusion's candidates include the
 * lexical ranking's best, which the second stage has just looked at, so a query's word groups are
 * turned into weights once (term lookups are most of the cost) and each hit is looked at once.
 * Lives for one query on one snapshot, on one thread.
 */
public final class HitFacts {

    /**
     * Per hit, in the order asked for: the word groups it contains, its level and its page (as
     * segment and ordinal: an article's documents are written together, so they share a segment).
     */
    record Facts(int[] matched, long[] level, long[] page) {}

    private record Fact(int matched, long level, long page) {}

    private final IndexSnapshot searcher;
    private final List<Query> evidence;
    private Weight[] weights;
    private final Map<Integer, Fact> known = new HashMap<>();

    public HitFacts(IndexSnapshot searcher, List<Query> evidence) {
        this.searcher = searcher;
        this.evidence = List.copyOf(evidence);
    }

    /** The query's word groups these facts count. */
    List<Query> evidence() {
        return evidence;
    }

    int groups() {
        return evidence.size();
    }

    Facts of(ScoreDoc[] hits) throws IOException {
        List<Integer> unknown = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            if (!known.containsKey(hit.doc)) {
                unknown.add(hit.doc);
            }
        }
        lookUp(unknown.stream().mapToInt(Integer::intValue).sorted().distinct().toArray());
        int n = hits.length;
        int[] matched = new int[n];
        long[] level = new long[n];
        long[] page = new long[n];
        for (int i = 0; i < n; i++) {
            Fact fact = known.get(hits[i].doc);
            matched[i] = fact.matched;
            level[i] = fact.level;
            page[i] = fact.page;
        }
        return new Facts(matched, level, page);
    }

    /** Postings and doc values are read forward, so {@code docs} come in doc id order. */
    private void lookUp(int[] docs) throws IOException {
        if (docs.length == 0) {
            return;
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int[] matched = new int[docs.length];
        for (Weight weight : weights()) {
            int leaf = -1;
            DocIdSetIterator iterator = null;
            for (int i = 0; i < docs.length; i++) {
                int current = ReaderUtil.subIndex(docs[i], leaves);
                if (current != leaf) {
                    leaf = current;
                    Scorer scorer = weight.scorer(leaves.get(leaf));
                    iterator = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
                }
                int local = docs[i] - leaves.get(leaf).docBase;
                if (iterator.docID() < local) {
                    iterator.advance(local);
                }
                if (iterator.docID() == local) {
                    matched[i]++;
                }
            }
        }
        int leaf = -1;
        NumericDocValues levels = null;
        SortedDocValues paths = null;
        for (int i = 0; i < docs.length; i++) {
            int current = ReaderUtil.subIndex(docs[i], leaves);
            if (current != leaf) {
                leaf = current;
                levels = DocValues.getNumeric(leaves.get(leaf).reader(), IndexFields.LEVEL);
                paths = DocValues.getSorted(leaves.get(leaf).reader(), IndexFields.PATH);
            }
            int local = docs[i] - leaves.get(leaf).docBase;
            long level = levels.advanceExact(local) ? levels.longValue() : 1;
            long page = ((long) leaf << 32) | (paths.advanceExact(local) ? paths.ordValue() : -1);
            known.put(docs[i], new Fact(matched[i], level, page));
        }
    }

    private Weight[] weights() throws IOException {
        if (weights == null) {
            weights = new Weight[evidence.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = searcher.createWeight(searcher.rewrite(evidence.get(i)), ScoreMode.COMPLETE_NO_SCORES, 1f);
            }
        }
        return weights;
    }
}
