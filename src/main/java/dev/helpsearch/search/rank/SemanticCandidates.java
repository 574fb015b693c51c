package dev.helpsearch.search.rank;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.ScoreDoc;

/**
 * The semantic side joins: the documents nearest to the query's meaning are added to the lexical
 * ranking's, and every candidate of either side gets its fusion features. The lexical ranking is
 * kept as it was, for the features that read it and for the in-app answer.
 */
public final class SemanticCandidates implements RankStage {

    private final HybridRanking hybrid;
    private final boolean withoutVector;

    private SemanticCandidates(HybridRanking hybrid, boolean withoutVector) {
        this.hybrid = hybrid;
        this.withoutVector = withoutVector;
    }

    /** Sits the query out when there is no query vector (model not ready, index without vectors). */
    public static SemanticCandidates whenAvailable(HybridRanking hybrid) {
        return new SemanticCandidates(hybrid, false);
    }

    /**
     * For fitting the fusion offline: the lexical candidates get their features even without a
     * query vector, the semantic ones then being 0.
     */
    public static SemanticCandidates always(HybridRanking hybrid) {
        return new SemanticCandidates(hybrid, true);
    }

    @Override
    public String name() {
        return "by meaning";
    }

    @Override
    public Candidates rerank(Candidates lexical, RankContext context) throws IOException {
        float[] vector = hybrid.queryVector(context.snapshot(), context.query());
        if (vector == null && !withoutVector) {
            return lexical;
        }
        ScoreDoc[] nearest = vector == null ? new ScoreDoc[0] : nearest(context, vector);
        List<FusionFeatures.Candidate> features = FusionFeatures.of(
                context.snapshot(),
                context.facts(),
                lexical.hits(),
                lexical.words().strict(),
                nearest,
                vector,
                HybridRanking.shape(context.query(), context.built()));
        double offTopic = vector == null ? 0 : hybrid.offTopic(context.snapshot());
        // in the features' order, which the fusion keeps on a tie: the lexical side's first
        ScoreDoc[] union = features.stream()
                .map(c -> new ScoreDoc(c.doc(), (float) c.similarity()))
                .toArray(ScoreDoc[]::new);
        return new Candidates(
                union,
                lexical.words(),
                Optional.of(new Candidates.Meaning(lexical.hits(), nearest, features, offTopic)));
    }

    /**
     * The nearest documents within any of the categories: the best of each category's nearest,
     * as similarities are comparable across searches of one vector.
     */
    private ScoreDoc[] nearest(RankContext context, float[] vector) throws IOException {
        List<String> categories = context.categories();
        if (categories.size() <= 1) {
            return hybrid.nearest(context.snapshot(), vector, categories.isEmpty() ? null : categories.get(0));
        }
        List<ScoreDoc> all = new ArrayList<>();
        int candidates = 0;
        for (String category : categories) {
            ScoreDoc[] some = hybrid.nearest(context.snapshot(), vector, category);
            candidates = Math.max(candidates, some.length);
            all.addAll(Arrays.asList(some));
        }
        all.sort((a, b) -> Float.compare(b.score, a.score));
        return all.subList(0, Math.min(all.size(), Math.max(candidates, 1))).toArray(ScoreDoc[]::new);
    }

    @Override
    public String summary(Candidates before, Candidates after, RankContext context) {
        if (after.meaning().isEmpty()) {
            return "sat out: no query vector (model not ready, or an index without vectors)";
        }
        Candidates.Meaning meaning = after.meaning().get();
        Set<Integer> lexical = new LinkedHashSet<>();
        Arrays.stream(meaning.lexical()).forEach(d -> lexical.add(d.doc));
        long added = meaning.features().stream()
                .filter(c -> !lexical.contains(c.doc()))
                .count();
        return String.format(
                Locale.ROOT,
                "%d nearest documents by meaning, %d of them not found by words; scores are similarities"
                        + " (off-topic level %.3f)",
                meaning.nearest().length,
                added,
                meaning.offTopic());
    }

    @Override
    public String explain(Candidates before, Candidates after, int doc, RankContext context) {
        if (after.meaning().isEmpty()) {
            return "";
        }
        Candidates.Meaning meaning = after.meaning().get();
        int lexicalRank = before.position(doc);
        int semanticRank = -1;
        for (int i = 0; i < meaning.nearest().length && semanticRank < 0; i++) {
            semanticRank = meaning.nearest()[i].doc == doc ? i : -1;
        }
        return String.format(
                Locale.ROOT,
                "by words %s, by meaning %s, similarity %.3f",
                lexicalRank < 0 ? "-" : "#" + (lexicalRank + 1),
                semanticRank < 0 ? "-" : "#" + (semanticRank + 1),
                meaning.of(doc).map(FusionFeatures.Candidate::similarity).orElse(0.0));
    }
}
