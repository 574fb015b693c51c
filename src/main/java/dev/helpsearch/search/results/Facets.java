package dev.helpsearch.search.results;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.IndexSnapshot;
import dev.helpsearch.search.core.InvalidRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Filters by category, and what a result counts: its total and its facet counts are taken over
 * one and the same set of documents, {@link Matches}, so that the counts of a facet add up to the
 * total and a filter by a facet value finds as many hits as the facet said.
 */
public final class Facets {

    public static final String CATEGORY = "category";
    /** The fields that can be counted, as the API names them. */
    public static final Set<String> NAMES = Set.of(CATEGORY);

    private Facets() {}

    /**
     * The documents a search found: those its lexical query matches, plus those only the fused
     * ranking added (by meaning). Counting the second set explicitly, rather than taking the
     * length of a candidate list, is what keeps the total honest whatever the semantic side returns.
     *
     * @param lexical      the query the words were searched with, filters included
     * @param lexicalTotal how many documents it matched, as the ranking's collector counted them
     * @param added        documents of the final ranking the lexical query does not match, by doc id
     */
    public record Matches(Query lexical, TotalHits lexicalTotal, int[] added) {

        /** No document at all: the question is one the help center does not answer. */
        public static Matches none() {
            return new Matches(
                    new org.apache.lucene.search.MatchNoDocsQuery("unanswerable"),
                    new TotalHits(0, TotalHits.Relation.EQUAL_TO),
                    new int[0]);
        }

        public static Matches lexical(Query query, TotalHits total) {
            return new Matches(query, total, new int[0]);
        }

        /** The matches of a fused ranking: the lexical ones and whatever else it ranks. */
        public static Matches fused(IndexSnapshot searcher, Query lexical, TotalHits lexicalTotal, ScoreDoc[] ranking)
                throws IOException {
            int[] docs = Arrays.stream(ranking)
                    .mapToInt(d -> d.doc)
                    .sorted()
                    .distinct()
                    .toArray();
            boolean[] matched = matching(searcher, lexical, docs);
            List<Integer> added = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) {
                if (!matched[i]) {
                    added.add(docs[i]);
                }
            }
            return new Matches(
                    lexical,
                    lexicalTotal,
                    added.stream().mapToInt(Integer::intValue).toArray());
        }

        public TotalHits total() {
            return new TotalHits(lexicalTotal.value() + added.length, lexicalTotal.relation());
        }
    }

    /** The filter for hits in any of {@code categories}; null for none. */
    public static Query categoryFilter(List<String> categories) {
        if (categories.isEmpty()) {
            return null;
        }
        if (categories.size() == 1) {
            return new TermQuery(new Term(IndexFields.CATEGORY, categories.get(0)));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String category : categories) {
            any.add(new TermQuery(new Term(IndexFields.CATEGORY, category)), Occur.SHOULD);
        }
        return any.build();
    }

    /** Refuses a category the index does not have, naming the ones it has. */
    public static void checkCategories(IndexSnapshot searcher, List<String> categories) throws IOException {
        if (categories.isEmpty()) {
            return;
        }
        Set<String> known = categories(searcher);
        for (String category : categories) {
            if (!known.contains(category)) {
                throw new InvalidRequestException(
                        "unknown_category",
                        "no category \"" + category + "\"; the categories are " + String.join(", ", known));
            }
        }
    }

    /** The categories of the articles in the index, sorted. */
    static Set<String> categories(IndexSnapshot searcher) throws IOException {
        Set<String> names = new TreeSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(IndexFields.CATEGORY);
            if (terms == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            TermsEnum values = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef value = values.next(); value != null; value = values.next()) {
                postings = values.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        names.add(value.utf8ToString());
                        break;
                    }
                }
            }
        }
        return names;
    }

    /** Documents per category among {@code matches}, every category with at least one. */
    public static Map<String, Long> categoryCounts(IndexSnapshot searcher, Matches matches) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        Weight weight = searcher.createWeight(searcher.rewrite(matches.lexical()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FixedBitSet matched = new FixedBitSet(leaf.reader().maxDoc());
            Scorer scorer = weight.scorer(leaf);
            Bits live = leaf.reader().getLiveDocs();
            if (scorer != null) {
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        matched.set(doc);
                    }
                }
            }
            for (int doc : matches.added()) {
                if (doc >= leaf.docBase && doc < leaf.docBase + leaf.reader().maxDoc()) {
                    matched.set(doc - leaf.docBase);
                }
            }
            Terms terms = leaf.reader().terms(IndexFields.CATEGORY);
            if (terms == null) {
                continue;
            }
            TermsEnum values = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef value = values.next(); value != null; value = values.next()) {
                postings = values.postings(postings, PostingsEnum.NONE);
                long count = 0;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (matched.get(doc)) {
                        count++;
                    }
                }
                if (count > 0) {
                    counts.merge(value.utf8ToString(), count, Long::sum);
                }
            }
        }
        return counts;
    }

    /** For each of {@code docs} (ascending doc ids), whether {@code query} matches it. */
    private static boolean[] matching(IndexSnapshot searcher, Query query, int[] docs) throws IOException {
        boolean[] matched = new boolean[docs.length];
        if (docs.length == 0) {
            return matched;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int i = 0;
        for (LeafReaderContext leaf : leaves) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (i >= docs.length || docs[i] >= end) {
                continue;
            }
            Scorer scorer = weight.scorer(leaf);
            DocIdSetIterator iterator = scorer == null ? null : scorer.iterator();
            for (; i < docs.length && docs[i] < end; i++) {
                int local = docs[i] - leaf.docBase;
                if (iterator != null && iterator.docID() < local) {
                    iterator.advance(local);
                }
                matched[i] = iterator != null && iterator.docID() == local;
            }
        }
        return matched;
    }
}
