package dev.helpsearch.search.rank;

import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.core.IndexSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.SmallFloat;
import org.apache.lucene.util.VectorUtil;

/**
 * What the fusion stage knows of each candidate: the union of the lexical ranking's best hits and
 * the query's nearest documents by meaning, each described by a few explainable numbers. Every
 * feature is computed for every candidate, whichever side found it, so a model fitted on them
 * compares like with like.
 */
public final class FusionFeatures {

    /** Reciprocal rank fusion's usual constant; ranks enter as k / (k + rank), 1 for the first. */
    static final int RANK_K = 60;

    /** Feature names, in the order of {@link Candidate#features()}; the fitted weights use them. */
    public static final List<String> NAMES = List.of(
            "lexicalRank", // k / (k + rank) in the lexical ranking (after its reranker), 0 when absent
            "semanticRank", // k / (k + rank) among the nearest documents by meaning, 0 when absent
            "lexicalScore", // text score relative to the lexical ranking's best, 0 when absent
            "similarity", // dot product of query and document vectors (unit length)
            "similarityGap", // similarity minus the best candidate's
            "coverage", // share of the query's word groups the document contains anywhere
            "article", // 1 for a whole-article document
            "deepSection", // 1 for a section below h2
            "semanticRankShort", // semanticRank on a query of one or two words
            "semanticRankIdentifier", // semanticRank on a short query naming an identifier
            "semanticRankTyping", // semanticRank while the last word is still being typed
            "lexicalRankLong", // lexicalRank on a pasted text of twelve words or more
            "lexicalTop", // 1 / rank in the lexical ranking: the first places count far more
            "semanticTop", // 1 / rank among the nearest by meaning
            "similarityZ", // similarity standardized over this query's candidates
            "pageLexicalRank", // the best lexicalRank of any candidate on the same page
            "pageSemanticRank", // the best semanticRank of any candidate on the same page
            "strictMatch", // 1 when it holds enough of the query's words, not only one of them
            "archivedVersion", // 1 on a page of an archived docs version (/v8/...), beside current pages
            "length"); // log2(1 + words) of its text: BM25 and the 512-piece vector both discount long sections

    /** Where the features read by the no-results rule and the answer's confidence sit. */
    static final int COVERAGE = NAMES.indexOf("coverage");

    static final int LEXICAL_TOP = NAMES.indexOf("lexicalTop");
    static final int SEMANTIC_TOP = NAMES.indexOf("semanticTop");
    static final int STRICT_MATCH = NAMES.indexOf("strictMatch");

    /** Below this many words a query is a keyword query. */
    static final int SHORT_WORDS = 2;
    /** From this many words a query is a pasted text. */
    static final int LONG_WORDS = 12;

    /**
     * @param words      words in the query
     * @param identifier a short query naming a file, flag, port or API name
     * @param typing     the last word is still being typed
     */
    record QueryShape(int words, boolean identifier, boolean typing) {}

    /**
     * @param doc        the document
     * @param lexical    whether the lexical ranking found it
     * @param similarity its similarity to the query, 0 without a query vector
     * @param features   one value per {@link #NAMES}
     */
    public record Candidate(int doc, boolean lexical, double similarity, double[] features) {}

    private FusionFeatures() {}

    /**
     * @param hitFacts the query's word-group facts, shared with the second stage that ranked
     *                 {@code lexical}
     * @param lexical  the lexical ranking, best first
     * @param strict  how many of its first hits hold enough of the query's words (the rest hold at
     *                least one)
     */
    public static List<Candidate> of(
            IndexSnapshot searcher,
            HitFacts hitFacts,
            ScoreDoc[] lexical,
            int strict,
            ScoreDoc[] semantic,
            float[] vector,
            QueryShape shape)
            throws IOException {
        Map<Integer, Integer> lexicalRank = ranks(lexical);
        Map<Integer, Integer> semanticRank = ranks(semantic);
        // lexical order first, then what only the semantic side found: ties keep that order
        Set<Integer> union = new LinkedHashSet<>();
        Arrays.stream(lexical).forEach(d -> union.add(d.doc));
        Arrays.stream(semantic).forEach(d -> union.add(d.doc));
        ScoreDoc[] docs = union.stream().map(doc -> new ScoreDoc(doc, 0f)).toArray(ScoreDoc[]::new);
        double[] similarity = vector == null ? new double[docs.length] : similarities(searcher, vector, docs);
        HitFacts.Facts facts = hitFacts.of(docs);
        double[] length = lengths(searcher, docs);
        boolean[] archived = archived(searcher, facts.page());
        double best = Arrays.stream(similarity).max().orElse(0);
        float top = lexical.length == 0 ? 0f : lexical[0].score;
        int groups = hitFacts.groups();
        boolean shortQuery = shape.words() <= SHORT_WORDS;
        boolean longQuery = shape.words() >= LONG_WORDS;
        double mean = Arrays.stream(similarity).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(similarity)
                .map(x -> (x - mean) * (x - mean))
                .average()
                .orElse(0));
        Map<Long, Double> pageLexical = new HashMap<>();
        Map<Long, Double> pageSemantic = new HashMap<>();
        for (int i = 0; i < docs.length; i++) {
            Integer l = lexicalRank.get(docs[i].doc);
            Integer s = semanticRank.get(docs[i].doc);
            pageLexical.merge(facts.page()[i], l == null ? 0 : rankValue(l), Math::max);
            pageSemantic.merge(facts.page()[i], s == null ? 0 : rankValue(s), Math::max);
        }
        List<Candidate> candidates = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            int doc = docs[i].doc;
            Integer l = lexicalRank.get(doc);
            Integer s = semanticRank.get(doc);
            double lexRank = l == null ? 0 : rankValue(l);
            double semRank = s == null ? 0 : rankValue(s);
            double lexScore = l == null || top <= 0 ? 0 : lexical[l].score / top;
            double[] f = {
                lexRank,
                semRank,
                lexScore,
                similarity[i],
                vector == null ? 0 : similarity[i] - best,
                groups == 0 ? 0 : (double) facts.matched()[i] / groups,
                facts.level()[i] == 0 ? 1 : 0,
                facts.level()[i] >= 3 ? 1 : 0,
                shortQuery ? semRank : 0,
                shape.identifier() ? semRank : 0,
                shape.typing() ? semRank : 0,
                longQuery ? lexRank : 0,
                l == null ? 0 : 1.0 / (l + 1),
                s == null ? 0 : 1.0 / (s + 1),
                vector == null || sd == 0 ? 0 : (similarity[i] - mean) / sd,
                pageLexical.get(facts.page()[i]),
                pageSemantic.get(facts.page()[i]),
                l != null && l < strict ? 1 : 0,
                archived[i] ? 1 : 0,
                length[i]
            };
            candidates.add(new Candidate(doc, l != null, similarity[i], f));
        }
        return candidates;
    }

    static double rankValue(int zeroBasedRank) {
        return (double) RANK_K / (RANK_K + zeroBasedRank + 1);
    }

    private static Map<Integer, Integer> ranks(ScoreDoc[] ranked) {
        Map<Integer, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ranked.length; i++) {
            ranks.putIfAbsent(ranked[i].doc, i);
        }
        return ranks;
    }

    /**
     * Versioned docs keep older versions in folders of their own ({@code /v8/guide/...}) beside
     * the current pages, with much the same words; a reader wants the current one first. Where
     * every page is versioned the feature is the same for all and changes no order.
     */
    private static final Pattern VERSION_FOLDER = Pattern.compile("^/v\\d+(\\.\\d+)*(/|$)");

    /** @param pages each document's page as the reranker's facts give it: segment and path ordinal */
    private static boolean[] archived(IndexSnapshot searcher, long[] pages) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Long, Boolean> byPage = new HashMap<>();
        boolean[] archived = new boolean[pages.length];
        for (int i = 0; i < pages.length; i++) {
            long page = pages[i];
            Boolean known = byPage.get(page);
            if (known == null) {
                int ord = (int) page;
                known = ord >= 0
                        && VERSION_FOLDER
                                .matcher(DocValues.getSorted(
                                                leaves.get((int) (page >>> 32)).reader(), IndexFields.PATH)
                                        .lookupOrd(ord)
                                        .utf8ToString())
                                .find();
                byPage.put(page, known);
            }
            archived[i] = known;
        }
        return archived;
    }

    /** log2(1 + words) of each document's combined text, read from its length norm. */
    private static double[] lengths(IndexSnapshot searcher, ScoreDoc[] docs) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        double[] length = new double[docs.length];
        int leaf = -1;
        NumericDocValues norms = null;
        Integer[] byDoc = new Integer[docs.length];
        Arrays.setAll(byDoc, i -> i);
        // norms are read forward, so in doc id order
        Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        for (int i : byDoc) {
            int current = ReaderUtil.subIndex(docs[i].doc, leaves);
            if (current != leaf) {
                leaf = current;
                norms = leaves.get(leaf).reader().getNormValues(IndexFields.ALL_TEXT);
            }
            int local = docs[i].doc - leaves.get(leaf).docBase;
            if (norms != null && norms.advanceExact(local)) {
                // BM25's norm: the length, lossily encoded in one byte
                length[i] = Math.log1p(SmallFloat.byte4ToInt((byte) norms.longValue())) / Math.log(2);
            }
        }
        return length;
    }

    /** The exact similarity of each document to the query, read from the index's vectors. */
    private static double[] similarities(IndexSnapshot searcher, float[] vector, ScoreDoc[] docs) throws IOException {
        Integer[] byDoc = new Integer[docs.length];
        Arrays.setAll(byDoc, i -> i);
        // vectors are read forward, so in doc id order
        Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        double[] similarity = new double[docs.length];
        int leaf = -1;
        FloatVectorValues values = null;
        KnnVectorValues.DocIndexIterator iterator = null;
        for (int i : byDoc) {
            int current = ReaderUtil.subIndex(docs[i].doc, leaves);
            if (current != leaf) {
                leaf = current;
                values = leaves.get(leaf).reader().getFloatVectorValues(IndexFields.VECTOR);
                iterator = values == null ? null : values.iterator();
            }
            if (iterator == null) {
                continue;
            }
            int local = docs[i].doc - leaves.get(leaf).docBase;
            if (iterator.docID() < local) {
                iterator.advance(local);
            }
            if (iterator.docID() == local) {
                similarity[i] = VectorUtil.dotProduct(vector, values.vectorValue(iterator.index()));
            }
        }
        return similarity;
    }
}
