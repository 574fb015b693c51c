package dev.helpsearch.search.rank;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TotalHits;

/**
 * What one ranking stage hands the next: the hits in their current order with the scores the
 * last stage gave them, what the words matched, and what the semantic side found once it took
 * part.
 *
 * @param hits    best first
 * @param words   what the query by words matched
 * @param meaning the semantic side's candidates; empty until it takes part, and when it sits the
 *                query out
 */
public record Candidates(ScoreDoc[] hits, Words words, Optional<Meaning> meaning) {

    /** Before the first stage: nothing found yet. */
    static final Candidates NONE = new Candidates(
            new ScoreDoc[0],
            new Words(new MatchNoDocsQuery("not searched yet"), new TotalHits(0, TotalHits.Relation.EQUAL_TO), 0),
            Optional.empty());

    /**
     * @param query  the query by words whose matches {@code total} counts, filters included: after
     *               a relaxation, the strict and the relaxed query together
     * @param total  how many documents it matched, as the collector counted them
     * @param strict how many of the first hits hold enough of the query's words (the rest hold at
     *               least one)
     */
    public record Words(Query query, TotalHits total, int strict) {}

    /**
     * @param lexical  the ranking by words alone, as the lexical stages left it
     * @param nearest  the documents nearest to the query's meaning, best first
     * @param features every candidate of either side with its fusion features, in the order the
     *                 fusion breaks ties by: the lexical ranking's, then the semantic side's
     * @param offTopic the corpus's off-topic similarity level; 0 when there is no query vector
     */
    public record Meaning(
            ScoreDoc[] lexical, ScoreDoc[] nearest, List<FusionFeatures.Candidate> features, double offTopic) {

        public Meaning {
            features = List.copyOf(features);
        }

        /** The candidate of {@code doc}, if either side found it. */
        public Optional<FusionFeatures.Candidate> of(int doc) {
            return features.stream().filter(c -> c.doc() == doc).findFirst();
        }
    }

    Candidates withHits(ScoreDoc[] reordered) {
        return new Candidates(reordered, words, meaning);
    }

    /** Where {@code doc} is among the hits, -1 when it is not. */
    public int position(int doc) {
        for (int i = 0; i < hits.length; i++) {
            if (hits[i].doc == doc) {
                return i;
            }
        }
        return -1;
    }

    /** The ranking by words alone: the hits until the semantic side takes part. */
    public ScoreDoc[] lexical() {
        return meaning.map(Meaning::lexical).orElse(hits);
    }
}
