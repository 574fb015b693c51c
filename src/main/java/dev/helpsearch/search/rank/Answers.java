package dev.helpsearch.search.rank;

import dev.helpsearch.index.Analysis;
import dev.helpsearch.index.HitRecord;
import dev.helpsearch.index.IndexFields;
import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.Answer;
import dev.helpsearch.search.core.DocValueText;
import dev.helpsearch.search.core.HitRecords;
import dev.helpsearch.search.core.SearchHit;
import dev.helpsearch.search.query.WeakWords;
import dev.helpsearch.text.AnalyzedTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Picks the one section to show for an in-app lookup, and says how sure it is. Confidence rests
 * on what a support engineer would look at: how much of the question the section actually
 * covers, how clearly it beats the next candidate, and, with vectors, whether search by words
 * and search by meaning both put it first. Below the threshold no answer is given.
 */
public final class Answers {

    public static final int CANDIDATES = 5;
    /** Measured: on the seed set, answers at or above it are right 9 times in 10 (eval --answers). */
    public static final double DEFAULT_THRESHOLD = 0.65;

    private final Analyzer analyzer = Analysis.english();
    private final double threshold;
    private final LearnedFusion.AnswerModel fused;

    /**
     * @param threshold the confidence a lexical answer needs; 0 answers every question, for
     *                  calibration, in both modes
     * @param fused     the confidence model of answers from the learned fusion, with its own threshold
     */
    public Answers(double threshold, LearnedFusion.AnswerModel fused) {
        this.threshold = threshold;
        this.fused = fused;
    }

    /**
     * What the fused ranking says of its answer candidate.
     *
     * @param coverage      share of the query's word groups the section contains
     * @param lead          its fused score minus the next hit's (0 when it is the only hit): the fused
     *                      score is a linear model fitted on pairs, so this is the log-odds that it
     *                      beats the next one, where a ratio of two such scores would mean nothing
     * @param position      how many hits (whole articles) ranked above it
     * @param lexicalFirst  whether words alone ranked it first
     * @param semanticFirst whether it is the nearest document in meaning
     * @param similarityAboveOffTopic its similarity to the question above the corpus's off-topic level
     * @param strictMatch   whether it holds enough of the question's words
     */
    record FusedSignals(
            double coverage,
            double lead,
            int position,
            boolean lexicalFirst,
            boolean semanticFirst,
            double similarityAboveOffTopic,
            boolean strictMatch) {}

    /**
     * @param lexical  the ranking by words alone
     * @param semantic the documents nearest in meaning, best first; empty when the query was
     *                 answered by words alone
     */
    public Answer best(
            IndexSearcher searcher,
            QueryBuilder.Built built,
            List<ScoreDoc> candidates,
            List<SearchHit> hits,
            ScoreDoc[] lexical,
            ScoreDoc[] semantic,
            List<FusionFeatures.Candidate> features,
            double offTopic) {
        if (built.terms().isEmpty() && features.isEmpty()) {
            return null;
        }
        try {
            for (int i = 0; i < candidates.size(); i++) {
                if (hits.get(i).anchor().isEmpty()) {
                    continue;
                }
                HitRecord record = HitRecords.read(searcher, candidates.get(i).doc);
                FusionFeatures.Candidate fusedCandidate = find(features, candidates.get(i).doc);
                double confidence;
                double needed;
                if (fusedCandidate != null) {
                    confidence = fused.confidence(fusedSignals(fusedCandidate, candidates, i, offTopic));
                    needed = threshold == 0 ? 0 : fused.threshold();
                } else {
                    confidence = signals(built.terms(), record, candidates, i, lexical, semantic)
                            .confidence();
                    needed = threshold;
                }
                if (confidence < needed) {
                    return null;
                }
                SearchHit hit = hits.get(i);
                String html = DocValueText.read(searcher, candidates.get(i).doc, IndexFields.HTML);
                return new Answer(
                        hit.url(),
                        hit.path(),
                        hit.anchor(),
                        hit.title(),
                        hit.heading(),
                        html,
                        text(record),
                        Math.round(confidence * 1000) / 1000.0);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a support engineer would look at to trust a section as the answer.
     *
     * @param coverage      share of the question's content words the section contains
     * @param margin        relative lead of its final score over the next hit's
     * @param position      how many hits (whole articles) ranked above it
     * @param lexicalFirst  whether words alone ranked it first
     * @param semanticFirst whether it is the nearest document in meaning
     * @param hybrid        whether the semantic side took part
     */
    record Signals(
            double coverage, double margin, int position, boolean lexicalFirst, boolean semanticFirst, boolean hybrid) {

        /**
         * The chance the section answers the question: logistic models fitted on both judged sets
         * (189 queries, eval/README.md), one per mode, since fused scores leave far smaller margins
         * than text scores. With vectors, the two sides agreeing on it says the most.
         */
        double confidence() {
            double z = hybrid
                    ? -0.307
                            + 0.117 * coverage
                            + 0.879 * margin
                            - 0.868 * position
                            + 1.400 * flag(lexicalFirst)
                            + 0.550 * flag(semanticFirst)
                    : -0.073 + 0.82 * coverage + 1.87 * margin - 0.97 * position;
            return 1 / (1 + Math.exp(-z));
        }

        private static double flag(boolean value) {
            return value ? 1 : 0;
        }
    }

    private static FusionFeatures.Candidate find(List<FusionFeatures.Candidate> features, int doc) {
        for (FusionFeatures.Candidate candidate : features) {
            if (candidate.doc() == doc) {
                return candidate;
            }
        }
        return null;
    }

    static FusedSignals fusedSignals(
            FusionFeatures.Candidate candidate, List<ScoreDoc> ranked, int index, double offTopic) {
        double[] f = candidate.features();
        double lead = index + 1 < ranked.size() ? ranked.get(index).score - ranked.get(index + 1).score : 0;
        return new FusedSignals(
                f[FusionFeatures.COVERAGE],
                lead,
                index,
                f[FusionFeatures.LEXICAL_TOP] == 1,
                f[FusionFeatures.SEMANTIC_TOP] == 1,
                candidate.similarity() - offTopic,
                f[FusionFeatures.STRICT_MATCH] > 0);
    }

    Signals signals(
            List<String> queryTerms,
            HitRecord record,
            List<ScoreDoc> candidates,
            int index,
            ScoreDoc[] lexical,
            ScoreDoc[] semantic) {
        Set<String> content = new HashSet<>(queryTerms);
        content.removeIf(WeakWords::contains);
        if (content.isEmpty()) {
            content.addAll(queryTerms);
        }
        Set<String> present = terms(record.title() + "\n" + record.heading() + "\n" + text(record));
        double coverage = content.isEmpty()
                ? 0
                : (double) content.stream().filter(present::contains).count() / content.size();
        ScoreDoc candidate = candidates.get(index);
        float next = index + 1 < candidates.size() ? candidates.get(index + 1).score : 0f;
        double margin = candidate.score <= 0 ? 0 : Math.max(0, (candidate.score - next) / candidate.score);
        boolean lexicalFirst = lexical.length > 0 && lexical[0].doc == candidate.doc;
        boolean semanticFirst = semantic.length > 0 && semantic[0].doc == candidate.doc;
        return new Signals(coverage, margin, index, lexicalFirst, semanticFirst, semantic.length > 0);
    }

    /** The section's plain text: its prose, then its code. */
    private static String text(HitRecord record) {
        if (record.code().isEmpty()) {
            return record.prose();
        }
        return record.prose().isEmpty() ? record.code() : record.prose() + "\n" + record.code();
    }

    private Set<String> terms(String text) {
        return new HashSet<>(AnalyzedTerms.of(analyzer, text));
    }
}
