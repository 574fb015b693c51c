package dev.helpsearch.search.rank;

import dev.helpsearch.search.build.KnownWords;
import dev.helpsearch.search.core.Ranking;
import java.util.Locale;
import org.apache.lucene.search.ScoreDoc;

/**
 * An unanswerable question has no results at all, whatever matched one of its words: the fitted
 * model's rule ({@code LearnedFusion.NoResults}), on every candidate of both sides.
 */
public final class NoResultsRule implements FusionStage {

    private final LearnedFusion fusion;
    private final Ranking ranking;

    public NoResultsRule(LearnedFusion fusion, Ranking ranking) {
        this.fusion = fusion;
        this.ranking = ranking;
    }

    @Override
    public String name() {
        return "no-results rule";
    }

    @Override
    public Candidates rerank(Candidates candidates, Candidates.Meaning meaning, RankContext context) {
        return fusion.answerable(meaning.features(), knownShare(ranking, context), meaning.offTopic())
                ? candidates
                : candidates.withHits(new ScoreDoc[0]);
    }

    /** The share of the query's content words that became searched word groups ({@link KnownWords}). */
    public static double knownShare(Ranking ranking, RankContext context) {
        return KnownWords.share(
                ranking.dropFiller(context.text().free()),
                context.built().evidence().size());
    }

    @Override
    public String summary(Candidates before, Candidates after, Candidates.Meaning meaning, RankContext context) {
        return String.format(
                Locale.ROOT,
                "%s (the index knows %.0f%% of the query's content words; a document found by meaning"
                        + " alone makes it answerable from similarity %.3f)",
                after.hits().length == 0 && before.hits().length > 0 ? "unanswerable: every hit dropped" : "answerable",
                100 * knownShare(ranking, context),
                fusion.floor(meaning.offTopic()));
    }
}
